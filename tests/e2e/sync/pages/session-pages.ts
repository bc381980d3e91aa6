import type { Locator, Page } from '@playwright/test';
import { sessionTexts } from '../../../../src-renderer/features/session/session-text';
import type { Language } from '../../../../src-shared/ipc/settings.contract';
import { screenWith } from '../../support/screen';

/** The sign-in screen. */
export class SignInPage extends screenWith(sessionTexts) {
  readonly heading = this.page.getByRole('heading', { level: 1, name: this.text.login.title });
  readonly serverUrl = this.page.getByRole('textbox', { name: this.text.login.serverUrl });
  readonly username = this.page.getByRole('textbox', { name: this.text.login.username });
  readonly password = this.page.getByLabel(this.text.login.password, { exact: true });
  readonly submit = this.page.getByRole('button', { name: this.text.login.submit });
  readonly alert = this.page.getByRole('alert');
  readonly demoLink = this.page.getByRole('link', { name: this.text.login.demo });

  async open(): Promise<void> {
    await this.page.goto('/');
    await this.heading.waitFor();
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }
}

/** The lock screen shown after idle time. */
export class LockPage extends screenWith(sessionTexts) {
  readonly heading = this.page.getByRole('heading', { level: 1, name: this.text.lock.title });
  readonly password = this.page.getByLabel(this.text.lock.password, { exact: true });
  readonly unlock = this.page.getByRole('button', { name: this.text.lock.unlock });
}

/** Who is signed in, lock and sign-out, in the app header. */
export class UserMenu {
  readonly region: Locator;
  readonly logout: Locator;
  readonly lock: Locator;

  constructor(page: Page, language: Language = 'nb') {
    const text = sessionTexts[language];
    this.region = page.getByRole('region', { name: text.userMenu.label });
    this.logout = this.region.getByRole('button', { name: text.userMenu.logout });
    this.lock = this.region.getByRole('button', { name: text.userMenu.lock });
  }
}
