import { expect, type Locator, type Page } from '@playwright/test';
import { dictionaries, type Dictionary } from '../../../src-renderer/i18n/dictionary';
import { tasksTexts, type TasksText } from '../../../src-renderer/features/tasks/tasks-text';
import type { Language } from '../../../src-shared/ipc/settings.contract';

/** First start writes the demo data (encrypting every note) before the first screen. */
const SEEDING_TIMEOUT_MS = 30_000;

/** "Mine oppgaver" (#/tasks). */
export class TasksPage {
  readonly t: Dictionary;
  readonly text: TasksText;
  readonly heading: Locator;
  readonly navLink: Locator;
  readonly list: Locator;
  readonly rows: Locator;
  readonly checkboxes: Locator;
  readonly status: Locator;
  readonly showDone: Locator;

  constructor(
    readonly page: Page,
    language: Language = 'nb',
  ) {
    const t = (this.t = dictionaries[language]);
    this.text = tasksTexts[language];
    this.heading = page.getByRole('heading', { level: 1, name: t.nav.tasks });
    this.navLink = page.getByRole('navigation', { name: t.nav.label }).getByRole('link', { name: new RegExp(`^${t.nav.tasks}`) });
    this.list = page.getByRole('list', { name: this.text.listLabel });
    this.rows = this.list.getByRole('listitem');
    this.checkboxes = this.list.getByRole('checkbox');
    this.status = page.getByRole('main').getByRole('status');
    this.showDone = page.getByRole('switch', { name: this.text.showDone });
  }

  /** Opens the page on local demo data (seeded with `demoCases` cases on first start). */
  async openDemo(demoCases: number): Promise<void> {
    await this.page.goto(`/?demoCases=${demoCases}#/tasks`);
    await expect(this.heading).toBeVisible({ timeout: SEEDING_TIMEOUT_MS });
  }

  /** The row of the task with this id. */
  row(taskId: string): Locator {
    return this.list.locator(`li[data-task-id="${taskId}"]`);
  }

  /** Presses Tab until `target` has focus, as a keyboard user would. */
  async tabTo(target: Locator, maxPresses = 30): Promise<void> {
    for (let presses = 0; presses < maxPresses; presses += 1) {
      await this.page.keyboard.press('Tab');
      if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
    }
    throw new Error(`Tab did not reach ${target.toString()} in ${maxPresses} presses`);
  }
}
