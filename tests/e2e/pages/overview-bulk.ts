import type { Locator, Page } from '@playwright/test';
import { dictionaries, type Dictionary } from '../../../src-renderer/i18n/dictionary';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { Language } from '../../../src-shared/ipc/settings.contract';

/** The overview's bulk steps, found as a user finds them: by role and name. */
export class OverviewBulk {
  readonly text: Dictionary['overview']['bulk'];
  readonly region: Locator;
  readonly selectedCount: Locator;
  readonly clear: Locator;
  readonly step: Locator;
  readonly summary: Locator;
  readonly results: Locator;

  constructor(
    readonly page: Page,
    language: Language = 'nb',
  ) {
    const text = (this.text = dictionaries[language].overview.bulk);
    this.region = page.getByRole('region', { name: text.label });
    this.selectedCount = this.region.locator('.bulk-toolbar__count');
    this.clear = this.region.getByRole('button', { name: text.clear });
    this.step = this.region.getByRole('combobox', { name: text.step });
    this.summary = this.region.getByTestId('bulk-summary');
    this.results = this.region.getByRole('list', { name: text.resultsLabel });
  }

  selectAllShown(count: number): Locator {
    return this.region.getByRole('button', { name: this.text.selectAllShown(count) });
  }

  apply(count: number): Locator {
    return this.region.getByRole('button', { name: this.text.apply(count) });
  }

  checkboxOf(c: Case): Locator {
    return this.page.getByRole('checkbox', { name: this.text.selectCase(c.caseNumber, c.title) });
  }

  resultOf(c: Case): Locator {
    return this.results.getByRole('listitem').filter({ hasText: c.caseNumber });
  }
}
