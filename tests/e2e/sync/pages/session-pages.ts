import type { Locator, Page } from '@playwright/test';
import { sessionTexts, type SessionText } from '../../../../src-renderer/features/session/session-text';
import type { Language } from '../../../../src-shared/ipc/settings.contract';

/** The sign-in screen. */
export class SignInPage {
  readonly text: SessionText;
  readonly heading: Locator;
  readonly serverUrl: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly alert: Locator;
  readonly demoLink: Locator;

  constructor(
    readonly page: Page,
    language: Language = 'nb',
  ) {
    const text = (this.text = sessionTexts[language]);
    this.heading = page.getByRole('heading', { level: 1, name: text.login.title });
    this.serverUrl = page.getByRole('textbox', { name: text.login.serverUrl });
    this.username = page.getByRole('textbox', { name: text.login.username });
    this.password = page.getByLabel(text.login.password, { exact: true });
    this.submit = page.getByRole('button', { name: text.login.submit });
    this.alert = page.getByRole('alert');
    this.demoLink = page.getByRole('link', { name: text.login.demo });
  }

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
export class LockPage {
  readonly text: SessionText;
  readonly heading: Locator;
  readonly password: Locator;
  readonly unlock: Locator;

  constructor(
    readonly page: Page,
    language: Language = 'nb',
  ) {
    const text = (this.text = sessionTexts[language]);
    this.heading = page.getByRole('heading', { level: 1, name: text.lock.title });
    this.password = page.getByLabel(text.lock.password, { exact: true });
    this.unlock = page.getByRole('button', { name: text.lock.unlock });
  }
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
