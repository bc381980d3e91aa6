import { defaultSettings } from '../../src-shared/ipc/settings.contract';
import { nb } from '../../src-renderer/i18n/nb';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';

test('settings are saved through the settings channel and survive a reload', async ({ page, request, settings }) => {
  await settings.open();
  await expect(settings.serverUrl).toHaveValue(defaultSettings.serverUrl);
  await expect(settings.syncInterval).toHaveValue(String(defaultSettings.syncIntervalMinutes));
  await expectAccessible(page);

  await settings.serverUrl.fill('https://saksflyt.example.no');
  await settings.syncInterval.fill('15');
  await settings.save.click();
  await expect(settings.saved).toBeVisible();

  // Stored by the main-process side, not just in the page.
  const stored = await (await request.post('rpc/settings:get')).json();
  expect(stored).toEqual({
    ok: true,
    value: { ...defaultSettings, serverUrl: 'https://saksflyt.example.no', syncIntervalMinutes: 15 },
  });

  await page.reload();
  await expect(settings.serverUrl).toHaveValue('https://saksflyt.example.no');
  await expect(settings.syncInterval).toHaveValue('15');
});

test('an invalid server URL gets a clear error and nothing is saved', async ({ page, request, settings }) => {
  await settings.open();
  await settings.serverUrl.fill('ftp://saksflyt.example.no');
  await settings.syncInterval.fill('0');
  await settings.save.click();

  await expect(settings.serverUrl).toBeFocused();
  await expect(settings.serverUrl).toHaveAttribute('aria-invalid', 'true');
  await expect(settings.serverUrl).toHaveAccessibleDescription(new RegExp(escape(nb.settings.errors.serverUrl)));
  await expect(page.getByText(nb.settings.errors.serverUrl)).toBeVisible();
  await expect(settings.syncInterval).toHaveAccessibleDescription(new RegExp(escape(nb.settings.errors.syncIntervalMinutes)));
  await expect(settings.saved).toHaveCount(0);
  await expectAccessible(page);

  const stored = await (await request.post('rpc/settings:get')).json();
  expect(stored).toEqual({ ok: true, value: defaultSettings });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
