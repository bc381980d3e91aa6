import type { Locator } from '@playwright/test';
import { dictionaries } from '../../../../src-renderer/i18n/dictionary';
import { conflictsTexts } from '../../../../src-renderer/features/conflicts/conflicts-text';
import { syncTexts } from '../../../../src-renderer/features/sync-status/sync-text';
import { screenWith } from '../../support/screen';

/** The status bar: the live region with the facts, and the actions beside it. */
export class StatusBar extends screenWith(syncTexts) {
  readonly region = this.page.getByRole('status', { name: dictionaries[this.lang].statusBar.label });
  readonly connection = this.fact(this.text.connection);
  readonly lastSync = this.fact(this.text.lastSync);
  readonly unsynced = this.fact(this.text.unsynced);
  readonly syncNow = this.page.getByRole('button', { name: this.text.syncNow });
  readonly details = this.page.getByRole('link', { name: this.text.details });
  readonly firstSync = this.page.getByRole('progressbar', { name: this.text.firstSync });

  /** The value of a fact in the status bar, by its term. */
  private fact(term: string): Locator {
    return this.region
      .locator('dl > div')
      .filter({ has: this.page.getByRole('term').filter({ hasText: term }) })
      .getByRole('definition');
  }

  inboxLink(count: number): Locator {
    return this.page.getByRole('link', { name: this.text.inbox(count) });
  }
}

/** /conflicts */
export class ConflictInbox extends screenWith(conflictsTexts) {
  readonly heading = this.page.getByRole('heading', { level: 1, name: this.text.title });
  readonly entries = this.page.getByRole('article');
  readonly notice = this.page.getByRole('status').filter({ hasText: this.text.saved });

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
export class SyncItemsPage extends screenWith(syncTexts) {
  readonly heading = this.page.getByRole('heading', { level: 1, name: this.text.page.title });
  readonly rows = this.page.getByRole('table', { name: this.text.page.items }).getByRole('row');
}
