import { en } from '../../src-renderer/i18n/en';
import { AppShell } from './pages/app-shell';
import { OverviewPage } from './pages/overview-page';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';

const CASES = 40;

test('English is one click away and stays after a reload', async ({ page, shell, overview }) => {
  await overview.open(CASES);
  await shell.languageButton('en').click();

  const english = new OverviewPage(page, 'en');
  const englishShell = new AppShell(page, 'en');
  await expect(shell.html).toHaveAttribute('lang', 'en');
  await expect(english.heading).toBeVisible();
  await expect(page).toHaveTitle('Case overview – Saksflyt');
  await english.expectMatches(CASES, CASES);
  await expect(englishShell.navLink('settings')).toBeVisible();
  await expect(englishShell.syncStatus).toHaveText(en.statusBar.notConfigured);

  await page.reload();
  await expect(english.heading).toBeVisible();
  await expect(shell.html).toHaveAttribute('lang', 'en');
  await expectAccessible(page);

  await englishShell.languageButton('nb').click();
  await expect(overview.heading).toBeVisible();
  await expect(shell.html).toHaveAttribute('lang', 'nb');
});

test('the skip link, landmarks and navigation work from the keyboard', async ({ page, shell, overview, settings }) => {
  await overview.open(CASES);
  await page.keyboard.press('Tab');
  await expect(shell.skipLink).toBeFocused();
  await expect(shell.skipLink).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(shell.main).toBeFocused();

  await expect(page.getByRole('banner')).toBeVisible();
  await expect(shell.navigation).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
  await expect(shell.navLink('overview')).toHaveAttribute('aria-current', 'page');

  await shell.navLink('settings').focus();
  await page.keyboard.press('Enter');
  await expect(settings.heading).toBeFocused();
  await expect(shell.navLink('settings')).toHaveAttribute('aria-current', 'page');
});
