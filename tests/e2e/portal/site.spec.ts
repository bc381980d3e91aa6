import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { demoUsers } from '../../../dev/demo-data';
import { dateOf } from '../../../src-shared/domain/calendar/iso-date';
import { placementStatusLabels, type PlacementDetails } from '../../../src-shared/domain/placement/placement.schema';
import type { PlacementEvent } from '../../../src-shared/domain/placement/placement.workflow';
import type { WorkflowEvent } from '../../../src-shared/domain/workflow/workflow';
import { addUser } from '../../../src-server/auth/accounts';
import { serverSteps } from '../../../src-server/cases/server-steps';
import { en } from '../../../src-portal/i18n/en';
import { nb } from '../../../src-portal/i18n/nb';
import { expectAccessible } from '../support/axe';
import { DEMO_PASSWORD, serverDemoData, startCentralServer, type CentralServer } from '../sync/support/central-server';

/**
 * A placement site's coordinator in the portal, in Chromium against the real central server with
 * the demo data: the incoming order is on the front page, its page shows the requirements, and
 * "Bekreft bestilling" confirms capacity on the server; the calendar and places offered are on the
 * front page; the coordinator and supervisors are picked from the site's users; the students are
 * listed now / upcoming / past; a supervisor change request waits until the institution approves
 * it. Every page is axe clean.
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const order = serverDemoData.cases.find((c) => c.type === 'placement' && c.status === 'ordered')!;
const coordinator = demoUsers().find((user) => user.roles.includes('siteCoordinator') && user.scope.partners?.includes(order.cohort))!;
const details = order.details as PlacementDetails;

let server: CentralServer;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'saksflyt-site-e2e-'));
  server = await startCentralServer(dataDir);
  await addUser(server.db, { ...coordinator, id: coordinator.userId, username: 'sitekoord', password: DEMO_PASSWORD, email: coordinator.email ?? '' });
});
test.afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(page: Page, username: string) {
  await page.goto(`${server.url}/portal/`);
  await page.getByLabel(nb.signIn.username).fill(username);
  await page.getByLabel(nb.signIn.password).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: nb.signIn.submit }).click();
}

test('a site coordinator sees the incoming order, opens it and confirms capacity', async ({ page }) => {
  await signIn(page, 'sitekoord');

  await expect(page.getByRole('heading', { level: 1, name: nb.site.title })).toBeVisible();
  const incoming = page.getByTestId('incoming-orders');
  const waiting = serverDemoData.cases.filter((c) => c.type === 'placement' && c.status === 'ordered' && c.cohort === order.cohort);
  await expect(incoming.locator('tbody tr')).toHaveCount(waiting.length);
  await expect(incoming.locator('tbody tr').first()).toContainText(details.activity.courseName);
  await expectAccessible(page);

  await incoming.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(details.activity.courseName);
  await expect(page.getByTestId('order-status')).toHaveText(placementStatusLabels.ordered.nb);
  for (const requirement of details.activity.requirements) await expect(page.getByText(requirement)).toBeVisible();
  const places = page.getByLabel(nb.site.places);
  await expect(places).toHaveValue(String(details.order.requestedPlaces));
  await expectAccessible(page);

  await places.fill('2');
  await page.getByRole('button', { name: nb.site.confirm }).click();
  await expect(page.getByText(nb.site.confirmDone)).toBeVisible();
  await expect(page.getByTestId('order-status')).toHaveText(placementStatusLabels.capacityConfirmed.nb);
  await expect(page.getByTestId('confirmed-places')).toHaveText('2');
  await expect(page.getByRole('button', { name: nb.site.confirm })).toHaveCount(0);
  await expectAccessible(page);
  expect(await server.storedCase(order.id)).toMatchObject({ status: 'capacityConfirmed', details: { capacity: { places: 2 } } });

  await page.getByLabel(nb.language).selectOption('en');
  await page.getByRole('link', { name: en.site.back }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.site.title })).toBeVisible();
  if (waiting.length === 1) await expect(page.getByText(en.site.noneIncoming)).toBeVisible();
  await expect(page.getByTestId('other-orders')).toContainText(placementStatusLabels.capacityConfirmed.en);
  await expectAccessible(page);
});

/** A site with a running placement whose class has two supervisors, and an order waiting for its staffing. */
const placements = serverDemoData.cases.filter((c) => c.type === 'placement');
const running = placements.find((c) => c.status === 'inProgress' && (c.details as PlacementDetails).staffing?.every((s) => s.supervisors.length >= 2))!;
const siteId = running.cohort;
const toStaff = placements.find((c) => c.cohort === siteId && c.status === 'capacityConfirmed')!;
const siteUser = (role: 'siteCoordinator' | 'siteSupervisor') =>
  demoUsers().find((user) => user.roles.includes(role) && user.scope.partners?.includes(siteId))!;

/** The institution's placement coordinator decides on a request, as the desktop app's step does on the server. */
async function decide(caseId: string, requestId: string, comment: string) {
  const silent = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, fatal() {}, child: () => silent, level: 'silent' };
  const steps = serverSteps({ db: server.db, changesChannel: 'e2e_changes', enqueueIntegration: async () => {}, log: silent as never, wake() {} });
  const admin = demoUsers().find((user) => user.roles.includes('placementAdmin'))!;
  const event = { type: 'decideSupervisorChange', at: new Date().toISOString(), requestId, approved: true, comment } satisfies PlacementEvent;
  expect(await steps.take(caseId, event as WorkflowEvent, admin)).toMatchObject({ ok: true });
}

test('a site coordinator staffs an order, sees the students now / upcoming / past and asks for another supervisor', async ({ page }) => {
  expect(running, 'the demo data has a running placement with two supervisors').toBeTruthy();
  expect(toStaff, 'the same site has an order waiting for its staffing').toBeTruthy();
  const [coordinatorUser, supervisorUser] = [siteUser('siteCoordinator'), siteUser('siteSupervisor')];
  for (const [user, username] of [
    [coordinatorUser, 'stedkoord'],
    [supervisorUser, 'stedveileder'],
  ] as const) {
    await addUser(server.db, { ...user, id: user.userId, username, password: DEMO_PASSWORD, email: user.email ?? '' });
  }
  await signIn(page, 'stedkoord');

  // The front page: the calendar (one bar per order, also as a table) and the places offered.
  await expect(page.getByRole('heading', { level: 1, name: nb.site.title })).toBeVisible();
  const visible = placements.filter((c) => c.cohort === siteId && c.status !== 'draft');
  await expect(page.getByTestId('calendar-bar')).toHaveCount(visible.length);
  await expect(page.getByRole('img', { name: nb.site.calendar.summary(visible.length) })).toBeVisible();
  await page.getByText(nb.site.calendar.asTable).click();
  await expect(page.getByTestId('calendar-table').locator('tbody tr')).toHaveCount(visible.length);
  const confirmed = visible.filter((c) => (c.details as PlacementDetails).capacity && c.status !== 'cancelled');
  await expect(page.getByTestId('site-places').locator('tbody tr').first()).toContainText(
    String(confirmed.reduce((sum, c) => sum + (c.details as PlacementDetails).capacity!.places, 0)),
  );
  await expectAccessible(page);

  // Staffing: class A supervised by the site's supervisor, class B by the coordinator too.
  const staffDetails = toStaff.details as PlacementDetails;
  await page.goto(`${server.url}/portal/#/bestilling/${encodeURIComponent(toStaff.id)}`);
  await expect(page.getByRole('heading', { level: 2, name: nb.site.staffing.title })).toBeVisible();
  for (const className of staffDetails.activity.classes) {
    await expect(page.getByLabel(nb.site.staffing.coordinator(className))).toHaveValue(coordinatorUser.userId);
    const pick = className === 'A' ? supervisorUser : coordinatorUser;
    await page.getByLabel(nb.site.staffing.supervisor(pick.name, className)).check();
    await page.getByLabel(nb.site.staffing.limit(pick.name, className)).fill('3');
  }
  await expectAccessible(page);
  await page.getByRole('button', { name: nb.site.staffing.save }).click();
  await expect(page.getByText(nb.site.staffing.done)).toBeVisible();
  await expect(page.getByTestId('order-status')).toHaveText(placementStatusLabels.staffed.nb);
  await expect(page.getByTestId('current-staffing')).toContainText(supervisorUser.name);
  const staffed = (await server.storedCase(toStaff.id))!.details as PlacementDetails;
  expect(staffed.staffing!.find((s) => s.className === 'A')).toMatchObject({
    coordinator: { userId: coordinatorUser.userId },
    supervisors: [{ userId: supervisorUser.userId, limit: 3 }],
  });

  // The students: now / upcoming / past against today, with supervisor and teacher.
  await page.getByRole('link', { name: nb.site.students.nav }).click();
  await expect(page.getByRole('heading', { level: 1, name: nb.site.students.title })).toBeVisible();
  const today = dateOf(new Date());
  const studentsWhen = (pick: (d: PlacementDetails) => boolean) =>
    visible
      .filter((c) => !['cancelled', 'declined'].includes(c.status) && pick(c.details as PlacementDetails))
      .flatMap((c) => (c.details as PlacementDetails).distribution?.students ?? []);
  const lists = {
    now: studentsWhen((d) => d.activity.from <= today && today <= d.activity.to),
    upcoming: studentsWhen((d) => today < d.activity.from),
    past: studentsWhen((d) => d.activity.to < today),
  };
  for (const when of ['now', 'upcoming', 'past'] as const) {
    await expect(page.getByRole('heading', { level: 2, name: nb.site.students.lists[when](lists[when].length) })).toBeVisible();
    if (lists[when].length > 0) await expect(page.getByTestId(`students-${when}`).locator('tbody tr')).toHaveCount(lists[when].length);
  }
  await expectAccessible(page);

  // A supervisor change request: waiting, then approved with the institution's comment.
  const details = running.details as PlacementDetails;
  const student = details.distribution!.students[0]!;
  const staff = details.staffing!.find((s) => s.className === student.className)!;
  const [from, to] = [staff.supervisors.find((s) => s.userId === student.supervisorId)!, staff.supervisors.find((s) => s.userId !== student.supervisorId)!];
  await page.goto(`${server.url}/portal/#/bestilling/${encodeURIComponent(running.id)}`);
  const row = page.getByTestId('order-students').locator('tbody tr').filter({ hasText: student.name });
  await expect(row).toContainText(from.name);
  await page.getByLabel(nb.site.change.student, { exact: true }).selectOption(student.personId);
  await page.getByLabel(nb.site.change.to, { exact: true }).selectOption(to.userId);
  await page.getByLabel(nb.site.change.reason, { exact: true }).fill('Veilederen har ferie i tre uker');
  await page.getByRole('button', { name: nb.site.change.send }).click();
  await expect(page.getByText(nb.site.change.done)).toBeVisible();
  await expect(row.getByTestId('change-state')).toContainText(nb.site.change.state.waiting(to.name, '').split('(')[0]!.trim());
  await expectAccessible(page);
  const [request] = ((await server.storedCase(running.id))!.details as PlacementDetails).supervisorChangeRequests;
  expect(request).toMatchObject({ personId: student.personId, fromId: from.userId, toId: to.userId });
  expect(((await server.storedCase(running.id))!.details as PlacementDetails).distribution!.students[0]!.supervisorId).toBe(from.userId);

  await decide(running.id, request!.id, 'Greit, fra mandag');
  await page.reload();
  await expect(row.getByTestId('change-state')).toContainText(nb.site.change.state.approved(to.name, '').split('(')[0]!.trim());
  await expect(row.getByTestId('change-state')).toContainText('Greit, fra mandag');
  await expect(row.locator('td').nth(2)).toContainText(to.name);
  await expectAccessible(page);
});

test("a site's supervisor signs in and sees only the students they supervise, read-only", async ({ page }) => {
  const supervisorUser = siteUser('siteSupervisor');
  await signIn(page, 'stedveileder');
  await expect(page.getByRole('heading', { level: 1, name: nb.site.students.mine })).toBeVisible();
  const today = dateOf(new Date());
  const stored = await Promise.all(placements.filter((c) => c.cohort === siteId).map(async (c) => (await server.storedCase(c.id))!));
  const mine = (pick: (d: PlacementDetails) => boolean) =>
    stored
      .filter((c) => ['studentsDistributed', 'inProgress', 'completed'].includes(c.status) && pick(c.details as PlacementDetails))
      .flatMap((c) => (c.details as PlacementDetails).distribution!.students.filter((s) => s.supervisorId === supervisorUser.userId));
  const lists = {
    now: mine((d) => d.activity.from <= today && today <= d.activity.to),
    upcoming: mine((d) => today < d.activity.from),
    past: mine((d) => d.activity.to < today),
  };
  for (const when of ['now', 'upcoming', 'past'] as const) {
    await expect(page.getByRole('heading', { level: 2, name: nb.site.students.lists[when](lists[when].length) })).toBeVisible();
    if (lists[when].length > 0) await expect(page.getByTestId(`students-${when}`).locator('tbody tr')).toHaveCount(lists[when].length);
  }
  await expect(page.getByRole('link', { name: nb.site.nav })).toHaveCount(0);
  await expect(page.getByRole('button', { name: nb.site.change.send })).toHaveCount(0);
  await expectAccessible(page);
});
