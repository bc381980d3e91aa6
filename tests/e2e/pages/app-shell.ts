import type { Locator, Page } from '@playwright/test';
import type { Language } from '../../../src-shared/ipc/settings.contract';
import { dictionaries, type Dictionary } from '../../../src-renderer/i18n/dictionary';

/** Locators shared by every screen: header, navigation, language switch, status bar. */
export class AppShell {
  readonly t: Dictionary;
  readonly html: Locator;
  readonly skipLink: Locator;
  readonly main: Locator;
  readonly mainHeading: Locator;
  readonly navigation: Locator;
  readonly syncStatus: Locator;

  constructor(
    readonly page: Page,
    readonly language: Language = 'nb',
  ) {
    this.t = dictionaries[language];
    this.html = page.locator('html');
    this.skipLink = page.getByRole('link', { name: this.t.app.skipToContent });
    this.main = page.getByRole('main');
    this.mainHeading = page.getByRole('heading', { level: 1 });
    this.navigation = page.getByRole('navigation', { name: this.t.nav.label });
    this.syncStatus = page.getByRole('status', { name: this.t.statusBar.label });
  }

  navLink(name: 'overview' | 'settings'): Locator {
    return this.navigation.getByRole('link', { name: this.t.nav[name] });
  }

  /** The one-click switch, named in the language it switches to. */
  languageButton(target: Language): Locator {
    return this.page.getByRole('button', { name: this.t.languages[target], exact: true });
  }
}
