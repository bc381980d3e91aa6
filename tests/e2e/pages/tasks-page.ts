import { expect, type Locator } from '@playwright/test';
import { dictionaries } from '../../../src-renderer/i18n/dictionary';
import { tasksTexts } from '../../../src-renderer/features/tasks/tasks-text';
import { screenWith } from '../support/screen';

/** First start writes the demo data (encrypting every note) before the first screen. */
const SEEDING_TIMEOUT_MS = 30_000;

/** "Mine oppgaver" (#/tasks). */
export class TasksPage extends screenWith(tasksTexts) {
  readonly t = dictionaries[this.lang];
  readonly heading = this.page.getByRole('heading', { level: 1, name: this.t.nav.tasks });
  readonly navLink = this.page.getByRole('navigation', { name: this.t.nav.label }).getByRole('link', { name: new RegExp(`^${this.t.nav.tasks}`) });
  readonly list = this.page.getByRole('list', { name: this.text.listLabel });
  readonly rows = this.list.getByRole('listitem');
  readonly checkboxes = this.list.getByRole('checkbox');
  readonly status = this.page.getByRole('main').getByRole('status');
  readonly showDone = this.page.getByRole('switch', { name: this.text.showDone });

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
