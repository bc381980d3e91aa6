import type { Locator } from '@playwright/test';
import { dictionaries } from '../../../src-renderer/i18n/dictionary';
import { screenWith } from '../support/screen';

export class CasePage extends screenWith(dictionaries) {
  readonly heading = this.page.getByRole('heading', { level: 1 });
  readonly facts = this.page.getByRole('region', { name: this.text.casePage.facts });
  readonly notes = this.page.getByRole('region', { name: this.text.casePage.notes }).getByRole('listitem');
  readonly tasks = this.page.getByRole('region', { name: this.text.casePage.tasks }).getByRole('listitem');
  readonly backLink = this.page.getByRole('link', { name: this.text.casePage.back });

  /** The value shown for a fact, by its term (e.g. "Saksnummer"). */
  fact(term: string): Locator {
    return this.facts.locator('div', { has: this.page.locator('dt', { hasText: term }) }).locator('dd');
  }
}
