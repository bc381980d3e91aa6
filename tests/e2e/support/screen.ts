import type { Page } from '@playwright/test';
import type { Language } from '../../../src-shared/ipc/settings.contract';

/**
 * The base of a page object for one screen: the page, and the screen's texts in the language it
 * is shown in (`texts` holds them per language), so its locators find controls by their names.
 * Subclasses declare their locators as fields built from `this.page` and `this.text` (`this.lang`
 * picks other texts the screen shows).
 */
export function screenWith<T>(texts: Readonly<Record<Language, T>>) {
  return class Screen {
    readonly text: T;

    constructor(
      readonly page: Page,
      readonly lang: Language = 'nb',
    ) {
      this.text = texts[lang];
    }
  };
}
