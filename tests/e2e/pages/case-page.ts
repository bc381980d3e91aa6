import type { Locator, Page } from '@playwright/test';
import type { Language } from '../../../src-shared/ipc/settings.contract';
import { dictionaries, type Dictionary } from '../../../src-renderer/i18n/dictionary';

export class CasePage {
  readonly t: Dictionary;
  readonly heading: Locator;
  readonly facts: Locator;
  readonly notes: Locator;
  readonly tasks: Locator;
  readonly backLink: Locator;

  constructor(
    readonly page: Page,
    language: Language = 'nb',
  ) {
    const t = (this.t = dictionaries[language]);
    this.heading = page.getByRole('heading', { level: 1 });
    this.facts = page.getByRole('region', { name: t.casePage.facts });
    this.notes = page.getByRole('region', { name: t.casePage.notes }).getByRole('listitem');
    this.tasks = page.getByRole('region', { name: t.casePage.tasks }).getByRole('listitem');
    this.backLink = page.getByRole('link', { name: t.casePage.back });
  }

  /** The value shown for a fact, by its term (e.g. "Saksnummer"). */
  fact(term: string): Locator {
    return this.facts.locator('div', { has: this.page.locator('dt', { hasText: term }) }).locator('dd');
  }
}
