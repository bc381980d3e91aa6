import type { Locator, Page } from '@playwright/test';
import { dictionaries } from '../../../../src-renderer/i18n/dictionary';
import { conflictsTexts, type ConflictsText } from '../../../../src-renderer/features/conflicts/conflicts-text';
import { syncTexts, type SyncText } from '../../../../src-renderer/features/sync-status/sync-text';
import type { Language } from '../../../../src-shared/ipc/settings.contract';

/** The status bar: the live region with the facts, and the actions beside it. */
export class StatusBar {
  readonly text: SyncText;
  readonly region: Locator;
  readonly connection: Locator;
  readonly lastSync: Locator;
  readonly unsynced: Locator;
  readonly syncNow: Locator;
  readonly details: Locator;
  readonly firstSync: Locator;

  constructor(
    readonly page: Page,
    language: Language = 'nb',
  ) {
    const text = (this.text = syncTexts[language]);
    this.region = page.getByRole('status', { name: dictionaries[language].statusBar.label });
    const fact = (term: string) => this.region.locator('dl > div').filter({ has: page.getByRole('term').filter({ hasText: term }) }).getByRole('definition');
    this.connection = fact(text.connection);
    this.lastSync = fact(text.lastSync);
    this.unsynced = fact(text.unsynced);
    this.syncNow = page.getByRole('button', { name: text.syncNow });
    this.details = page.getByRole('link', { name: text.details });
    this.firstSync = page.getByRole('progressbar', { name: text.firstSync });
  }

  inboxLink(count: number): Locator {
    return this.page.getByRole('link', { name: this.text.inbox(count) });
  }
}

/** /conflicts */
export class ConflictInbox {
  readonly text: ConflictsText;
  readonly heading: Locator;
  readonly entries: Locator;
  readonly notice: Locator;

  constructor(
    readonly page: Page,
    language: Language = 'nb',
  ) {
    const text = (this.text = conflictsTexts[language]);
    this.heading = page.getByRole('heading', { level: 1, name: text.title });
    this.entries = page.getByRole('article');
    this.notice = page.getByRole('status').filter({ hasText: text.saved });
  }

  field(entry: Locator, label: string): Locator {
    return entry.getByRole('group', { name: label });
  }

  serverChoice(entry: Locator, label: string, value: string): Locator {
    return this.field(entry, label).getByRole('radio', { name: `${this.text.keepServer}: ${value}` });
  }

  localChoice(entry: Locator, label: string, value: string): Locator {
    return this.field(entry, label).getByRole('radio', { name: `${this.text.useMine}: ${value}` });
  }

  save(entry: Locator): Locator {
    return entry.getByRole('button', { name: this.text.save });
  }
}

/** /sync: the per-item list. */
export class SyncItemsPage {
  readonly text: SyncText;
  readonly heading: Locator;
  readonly rows: Locator;

  constructor(
    readonly page: Page,
    language: Language = 'nb',
  ) {
    const text = (this.text = syncTexts[language]);
    this.heading = page.getByRole('heading', { level: 1, name: text.page.title });
    this.rows = page.getByRole('table', { name: text.page.items }).getByRole('row');
  }
}
