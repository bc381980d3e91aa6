import { bulkStepFor } from '../../src-shared/domain/case/bulk-steps';
import type { Task } from '../../src-shared/domain/task/task.schema';
import { OverviewPage } from './pages/overview-page';
import { OverviewBulk } from './pages/overview-bulk';
import { expectAccessible } from './support/axe';
import { actorOf, visibleCases } from './sync/support/central-server';
import { expect, SYNC_SETTLE_MS, SYNC_TEST_TIMEOUT_MS, test } from './sync/support/sync-fixtures';
import { signedIn } from './sync/support/sign-in';

test.describe.configure({ timeout: SYNC_TEST_TIMEOUT_MS });

const coordinator = actorOf('coordinator');
const visible = visibleCases('coordinator');
/** The coordinator's follow-up cases, and those "Open case" moves on (the others are in a later status). */
const followUps = visible.filter((c) => c.type === 'followUp');
const opened = followUps.filter((c) => bulkStepFor(c, 'open', coordinator, new Date().toISOString()).ok);

test('a bulk step taken while the server is down is queued, and the server has the new statuses after sync', async ({ laptop, server }) => {
  expect(opened.length, 'the server demo data has a reported case in the coordinator’s cohorts').toBeGreaterThan(0);
  expect(followUps.length).toBeGreaterThan(opened.length);
  const { page } = laptop;
  const status = await signedIn(page, 'coordinator');

  const overview = new OverviewPage(page);
  const bulk = new OverviewBulk(page);
  await overview.filterByType('followUp');
  await overview.expectMatches(followUps.length, visible.length);

  laptop.expectFailedRequests(server.url);
  await server.stop();
  await bulk.selectAllShown(followUps.length).click();
  await expect(bulk.selectedCount).toHaveText(bulk.text.selected(followUps.length));
  await bulk.step.selectOption('open');
  await bulk.apply(followUps.length).click();

  await expect(bulk.summary).toHaveText(bulk.text.summary(opened.length, followUps.length - opened.length));
  for (const c of opened) await expect(bulk.resultOf(c)).toContainText(bulk.text.doneWithTask);
  for (const c of followUps.filter((other) => !opened.includes(other))) {
    await expect(bulk.resultOf(c)).toContainText(bulk.text.refused(bulk.text.reasons['illegal-transition']));
  }
  await expect(status.connection).toHaveText(status.text.phases.offline);
  await expect(status.unsynced).not.toHaveText('0');
  await expectAccessible(page);
  for (const c of opened) expect((await server.storedCase(c.id))?.status).toBe(c.status);

  await server.start();
  await status.syncNow.click();
  await expect(status.region).toContainText(status.text.syncOk, { timeout: SYNC_SETTLE_MS });
  await expect(status.unsynced).toHaveText('0');
  for (const c of opened) {
    expect(await server.storedCase(c.id)).toMatchObject({
      status: 'open',
      assignees: expect.arrayContaining([coordinator.userId]),
      updatedBy: coordinator.userId,
    });
    const tasks = await server.db.query<{ doc: string | Task }>(`SELECT doc FROM sync_documents WHERE collection = 'tasks' AND doc::jsonb->>'caseId' = $1`, [
      c.id,
    ]);
    const docs = tasks.map((row) => (typeof row.doc === 'string' ? (JSON.parse(row.doc) as Task) : row.doc));
    expect(docs.filter((task) => task.assigneeId === coordinator.userId && !task.done)).not.toHaveLength(0);
  }
});
