import type { Task } from '../../src-shared/domain/task/task.schema';
import { TasksPage } from './pages/tasks-page';
import { expectAccessible } from './support/axe';
import { actorOf, serverDemoData, visibleCases } from './sync/support/central-server';
import { expect, SYNC_SETTLE_MS, SYNC_TEST_TIMEOUT_MS, test } from './sync/support/sync-fixtures';
import { signedIn } from './sync/support/sign-in';

test.describe.configure({ timeout: SYNC_TEST_TIMEOUT_MS });

const coordinator = actorOf('coordinator');
const seen = new Set(visibleCases('coordinator').map((c) => c.id));
/** The coordinator's open tasks on the server, by deadline. */
const mine = serverDemoData.tasks
  .filter((task) => task.assigneeId === coordinator.userId && !task.done && seen.has(task.caseId))
  .sort((a, b) => a.due.localeCompare(b.due));

test('a task ticked off while the server is down reaches the server, done and audited, once it is back', async ({ laptop, server }) => {
  expect(mine.length, 'the server demo data gives the coordinator an open task').toBeGreaterThan(0);
  const { page } = laptop;
  const status = await signedIn(page, 'coordinator');

  const tasksPage = new TasksPage(page);
  await tasksPage.navLink.click();
  await expect(tasksPage.heading).toBeVisible();
  await expect(tasksPage.checkboxes).toHaveCount(mine.length);
  const [target] = mine as [Task, ...Task[]];
  await expect(tasksPage.rows.first()).toHaveAttribute('data-task-id', target.id);
  await expectAccessible(page);

  laptop.expectFailedRequests(server.url);
  await server.stop();
  await tasksPage.row(target.id).getByRole('checkbox', { name: target.title }).focus();
  await page.keyboard.press('Space');
  await expect(tasksPage.status).toHaveText(tasksPage.text.ticked(target.title));
  await expect(tasksPage.row(target.id)).toHaveCount(0);
  await expect(status.unsynced).toHaveText('1');
  await expect(status.connection).toHaveText(status.text.phases.offline);
  expect(await storedTask(target.id)).toMatchObject({ done: false });

  await server.start();
  await status.syncNow.click();
  await expect(status.region).toContainText(status.text.syncOk, { timeout: SYNC_SETTLE_MS });
  await expect(status.unsynced).toHaveText('0');
  const stored = await storedTask(target.id);
  expect(stored).toMatchObject({ ...target, done: true, updatedAt: expect.any(String) });
  expect(stored!.updatedAt > target.updatedAt).toBe(true);
  const audits = await server.db.query<{ actor_id: string; outcome: string; action: string }>(
    `SELECT actor_id, outcome, action FROM audit_log WHERE collection = 'tasks' AND document_id = $1 ORDER BY id`,
    [target.id],
  );
  expect(audits.at(-1)).toMatchObject({ actor_id: coordinator.userId, outcome: 'accepted' });

  // It stays done: after a reload the list is pulled from the replica the server confirmed.
  await page.reload();
  await expect(tasksPage.heading).toBeVisible({ timeout: SYNC_SETTLE_MS });
  await expect(tasksPage.checkboxes).toHaveCount(mine.length - 1);

  async function storedTask(id: string): Promise<Task | undefined> {
    const [row] = await server.db.query<{ doc: string | Task }>(`SELECT doc FROM sync_documents WHERE collection = 'tasks' AND id = $1`, [id]);
    return row ? (typeof row.doc === 'string' ? (JSON.parse(row.doc) as Task) : row.doc) : undefined;
  }
});
