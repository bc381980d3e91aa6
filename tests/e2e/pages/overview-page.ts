import { readFile } from 'node:fs/promises';
import { expect, type Locator } from '@playwright/test';
import type { CaseType } from '../../../src-shared/domain/case/case-type';
import { dictionaries } from '../../../src-renderer/i18n/dictionary';
import type { DeadlineWindow } from '../../../src-renderer/features/overview/case-query';
import { screenWith } from '../support/screen';

/** First start writes the demo data (encrypting every note) before the first screen. */
const SEEDING_TIMEOUT_MS = 30_000;

export class OverviewPage extends screenWith(dictionaries) {
  readonly heading = this.page.getByRole('heading', { level: 1, name: this.text.overview.title });
  readonly matchCount = this.page.getByTestId('match-count');
  readonly search = this.page.getByRole('searchbox', { name: this.text.overview.search });
  readonly typeFilter = this.page.getByRole('combobox', { name: this.text.overview.type });
  readonly statusFilter = this.page.getByRole('combobox', { name: this.text.overview.status });
  readonly deadlineFilter = this.page.getByRole('combobox', { name: this.text.overview.deadline });
  readonly resetButton = this.page.getByRole('button', { name: this.text.overview.reset });
  readonly list = this.page.getByRole('list', { name: this.text.overview.listLabel });
  readonly rows = this.list.getByRole('listitem');
  readonly caseLinks = this.list.getByRole('link');
  readonly chart = this.page.getByRole('img', { name: this.text.chart.title });
  readonly exportButton = this.page.getByRole('button', { name: this.text.overview.export.button });

  /** Opens the overview; on first start the replica is seeded with `demoCases` demo cases first. */
  async open(demoCases: number): Promise<void> {
    await this.page.goto(`/?demoCases=${demoCases}`);
    await expect(this.caseLinks.first()).toBeVisible({ timeout: SEEDING_TIMEOUT_MS });
  }

  async expectMatches(shown: number, total: number): Promise<void> {
    await expect(this.matchCount).toHaveText(this.text.overview.matches(shown, total));
  }

  /** The case link in row `index` (0-based, in list order). */
  caseLinkAt(index: number): Locator {
    return this.list.locator(`li[aria-posinset="${index + 1}"]`).getByRole('link');
  }

  async filterByType(type: CaseType | ''): Promise<void> {
    await this.typeFilter.selectOption(type);
  }

  /** Picks a status; a status belongs to a case type, so this sets the type filter as well. */
  async filterByStatus(type: CaseType, status: string): Promise<void> {
    await this.statusFilter.selectOption(`${type}/${status}`);
  }

  async filterByDeadline(window: DeadlineWindow): Promise<void> {
    await this.deadlineFilter.selectOption(window);
  }

  /** Exports the list from the keyboard (Enter on the button); the downloaded file's name and bytes. */
  async exportList(): Promise<{ fileName: string; bytes: Buffer }> {
    await this.exportButton.focus();
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.keyboard.press('Enter')]);
    return { fileName: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  }

  /** Tabs forward from the search field until a case link has focus, as a keyboard user would. */
  async tabToFirstCase(): Promise<void> {
    await this.search.focus();
    for (let presses = 0; presses < 12; presses += 1) {
      await this.page.keyboard.press('Tab');
      if (await this.caseLinks.first().evaluate((link) => link === link.ownerDocument.activeElement)) return;
    }
    throw new Error('No case link reached with Tab from the search field');
  }
}
