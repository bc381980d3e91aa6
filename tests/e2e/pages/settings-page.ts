import { dictionaries } from '../../../src-renderer/i18n/dictionary';
import { screenWith } from '../support/screen';

export class SettingsPage extends screenWith(dictionaries) {
  readonly heading = this.page.getByRole('heading', { level: 1, name: this.text.settings.title });
  readonly language = this.page.getByRole('combobox', { name: this.text.settings.language });
  readonly serverUrl = this.page.getByRole('textbox', { name: this.text.settings.serverUrl });
  readonly syncInterval = this.page.getByRole('spinbutton', { name: this.text.settings.syncInterval });
  readonly idleLock = this.page.getByRole('spinbutton', { name: this.text.settings.idleLock });
  readonly save = this.page.getByRole('button', { name: this.text.settings.save });
  readonly saved = this.page.getByRole('status').filter({ hasText: this.text.settings.saved });

  async open(): Promise<void> {
    await this.page.goto('/?demoCases=10#/settings');
    await this.serverUrl.waitFor({ timeout: 30_000 });
  }
}
