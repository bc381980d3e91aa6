import type { Locator, Page } from '@playwright/test';
import type { Language } from '../../../src-shared/ipc/settings.contract';
import { dictionaries, type Dictionary } from '../../../src-renderer/i18n/dictionary';

export class SettingsPage {
  readonly t: Dictionary;
  readonly heading: Locator;
  readonly language: Locator;
  readonly serverUrl: Locator;
  readonly syncInterval: Locator;
  readonly idleLock: Locator;
  readonly save: Locator;
  readonly saved: Locator;

  constructor(
    readonly page: Page,
    language: Language = 'nb',
  ) {
    const t = (this.t = dictionaries[language]);
    this.heading = page.getByRole('heading', { level: 1, name: t.settings.title });
    this.language = page.getByRole('combobox', { name: t.settings.language });
    this.serverUrl = page.getByRole('textbox', { name: t.settings.serverUrl });
    this.syncInterval = page.getByRole('spinbutton', { name: t.settings.syncInterval });
    this.idleLock = page.getByRole('spinbutton', { name: t.settings.idleLock });
    this.save = page.getByRole('button', { name: t.settings.save });
    this.saved = page.getByRole('status').filter({ hasText: t.settings.saved });
  }

  async open(): Promise<void> {
    await this.page.goto('/?demoCases=10#/settings');
    await this.serverUrl.waitFor({ timeout: 30_000 });
  }
}
