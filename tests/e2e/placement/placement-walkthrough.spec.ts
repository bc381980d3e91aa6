import type { Browser, Locator, Page } from '@playwright/test';
import { demoUsers, placementSites } from '../../../dev/demo-data';
import { sykehjemActivity } from '../../../dev/testing/activity-fixture';
import { addUser } from '../../../src-server/auth/accounts';
import { importAllOrNothing } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import { distributionTexts } from '../../../src-renderer/features/placement/distribution/distribution-text';
import { activityPath, orderPath } from '../../../src-renderer/features/placement/placement-path';
import { nb as portal } from '../../../src-portal/i18n/nb';
import { addDays, dateOf } from '../../../src-shared/domain/calendar/iso-date';
import type { PlacementActivity } from '../../../src-shared/domain/placement/activity.schema';
import { placementStatusLabels, type PlacementDetails } from '../../../src-shared/domain/placement/placement.schema';
import { siteStudentsSchema, type SiteStudents } from '../../../src-shared/portal/site.contract';
import { mailHeader, mailText, type SmtpStandIn } from '../../stand-ins/smtp-server';
import { expectAccessible } from '../support/axe';
import { accounts, DEMO_PASSWORD, serverDemoData, type CentralServer } from '../sync/support/central-server';
import { signedIn } from '../sync/support/sign-in';
import { expect, SYNC_SETTLE_MS } from '../sync/support/sync-fixtures';
import { test } from '../sync/support/mail-fixtures';
import { ActivityPages } from './activity-pages';

/**
 * Issue 12's walk-through of practice placement, in Chromium against the real central server and a
 * real SMTP server: the placement administrator's laptop orders places for class A at one site and
 * class B at another; each site's coordinator confirms capacity in the portal (the administrator is
 * e-mailed) and adds supervisors; the laptop distributes the students with HiGHS, moves one student
 * to another supervisor (locked), runs again (the lock kept) and publishes, and every student is
 * e-mailed their place; the first site sees its students as upcoming, asks for another supervisor,
 * and the administrator approves it; the second site sees nothing of the first site's students, in
 * the portal and in the API. Every page axe clean.
 */
test.describe.configure({ mode: 'serial', timeout: 300_000 });

const t = distributionTexts.nb;
const pt = portal.site;
const today = dateOf(new Date());
const user = (userId: string) => demoUsers().find((candidate) => candidate.userId === userId)!;
const adminEmail = user(accounts.placementAdmin.userId).email!;

/** The two sites (helse, both in Fjordheim), each with its coordinator and supervisor as portal accounts. */
const sites = placementSites.slice(0, 2).map((site, i) => {
  const short = site.id.replace('site-', '');
  return {
    ...site,
    className: i === 0 ? 'A' : 'B',
    coordinator: { ...user(`u-praksiskoord-${short}`), username: `stedkoord${i + 1}` },
    supervisor: { ...user(`u-praksisveileder-${short}`), username: `stedveileder${i + 1}` },
  };
});
const [site1, site2] = sites as [(typeof sites)[0], (typeof sites)[0]];

/** Four students of the server's people (with an e-mail and a name of their own, in no demo placement): two in class A wishing site 1, two in B wishing site 2. */
const placedInDemo = new Set(
  serverDemoData.cases.filter((c) => c.type === 'placement').flatMap((c) => (c.details as PlacementDetails).distribution?.students.map((s) => s.name) ?? []),
);
const names = serverDemoData.people.map((person) => `${person.givenName} ${person.familyName}`);
const emails = serverDemoData.people.map((person) => person.email);
const people = serverDemoData.people
  .filter((person) => person.email.includes('@stud.'))
  .filter((person) => {
    const name = `${person.givenName} ${person.familyName}`;
    const own = (all: string[], mine: string) => all.filter((other) => other.includes(mine) || mine.includes(other)).length === 1;
    return own(names, name) && own(emails, person.email) && !placedInDemo.has(name);
  })
  .slice(0, 4);
const teachers = demoUsers().filter((candidate) => candidate.userId.startsWith('u-laerer-helse-'));
const activity: PlacementActivity = sykehjemActivity({
  id: 'activity-walk-syk2190',
  courseCode: 'SYK2190',
  courseName: 'Praksis i eldreomsorg',
  // Upcoming: the sites list the students under "Kommende".
  from: addDays(today, 28),
  to: addDays(today, 70),
  classes: ['A', 'B'].map((name, i) => ({ name, teacher: { userId: teachers[i]!.userId, name: teachers[i]!.name, email: teachers[i]!.email } })),
  students: people.map((person, i) => {
    const [own, other] = i < 2 ? [site1, site2] : [site2, site1];
    return {
      personId: person.id,
      name: `${person.givenName} ${person.familyName}`,
      email: person.email,
      className: own.className,
      requirementsMet: ['Bestått SYK1001'],
      wishes: [own.id, other.id],
      homeMunicipality: 'Fjordheim',
      earlierSites: [],
    };
  }),
  createdBy: accounts.placementAdmin.userId,
  updatedAt: new Date().toISOString(),
});
const studentsOf = (site: typeof site1) => activity.students.filter((s) => s.className === site.className);
const courseLabel = `${activity.courseCode} ${activity.courseName}`;

/** The activity's orders the server holds, by site. */
async function storedOrders(server: CentralServer): Promise<Map<string, { id: string; caseNumber: string; status: string; details: PlacementDetails }>> {
  const rows = await server.db.query<{ id: string }>(
    `SELECT id FROM sync_documents WHERE collection = 'cases' AND doc::json->'details'->'activity'->>'id' = $1`,
    [activity.id],
  );
  const orders = await Promise.all(rows.map(async (row) => (await server.storedCase(row.id))!));
  return new Map(orders.map((c) => [c.cohort, { id: c.id, caseNumber: c.caseNumber, status: c.status, details: c.details as PlacementDetails }]));
}

async function storedActivity(server: CentralServer): Promise<PlacementActivity> {
  const [row] = await server.db.query<{ doc: string | PlacementActivity }>(`SELECT doc FROM sync_documents WHERE collection = 'activities' AND id = $1`, [
    activity.id,
  ]);
  return typeof row!.doc === 'string' ? (JSON.parse(row!.doc) as PlacementActivity) : row!.doc;
}

/** A site user signed in to the portal in a browser context of their own. */
async function portalSignedIn(browser: Browser, server: CentralServer, username: string): Promise<Page> {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${server.url}/portal/`);
  await page.getByLabel(portal.signIn.username).fill(username);
  await page.getByLabel(portal.signIn.password).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: portal.signIn.submit }).click();
  await expect(page.getByRole('heading', { level: 1, name: pt.title })).toBeVisible();
  return page;
}

/** The mails (subject and text) whose recipients include `to` and that say every one of `phrases`. */
function mailsTo(smtp: SmtpStandIn, to: string, ...phrases: string[]): string[] {
  return smtp.received
    .filter((mail) => mail.to.includes(to))
    .map((mail) => `${mailHeader(mail.raw, 'Subject')}\n${mailText(mail.raw)}`)
    .filter((text) => phrases.every((phrase) => text.includes(phrase)));
}

/** The site coordinator confirms the order's places on its page, opened from the incoming orders. */
async function confirmCapacity(page: Page, places: number): Promise<void> {
  const incoming = page.getByTestId('incoming-orders');
  await incoming.getByRole('link', { name: courseLabel }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(activity.courseName);
  await expect(page.getByTestId('order-status')).toHaveText(placementStatusLabels.ordered.nb);
  await expectAccessible(page);
  await page.getByLabel(pt.places).fill(String(places));
  await page.getByRole('button', { name: pt.confirm }).click();
  await expect(page.getByText(pt.confirmDone)).toBeVisible();
  await expect(page.getByTestId('order-status')).toHaveText(placementStatusLabels.capacityConfirmed.nb);
  await expectAccessible(page);
}

/** The site coordinator adds their site's supervisor and themselves as the class's supervisors, two students each at most. */
async function staff(page: Page, site: typeof site1): Promise<void> {
  const s = pt.staffing;
  await expect(page.getByRole('heading', { level: 2, name: s.title })).toBeVisible();
  await expect(page.getByLabel(s.coordinator(site.className))).toHaveValue(site.coordinator.userId);
  for (const person of [site.supervisor, site.coordinator]) {
    await page.getByLabel(s.supervisor(person.name, site.className)).check();
    await page.getByLabel(s.limit(person.name, site.className)).fill('2');
  }
  await expectAccessible(page);
  await page.getByRole('button', { name: s.save }).click();
  await expect(page.getByText(s.done)).toBeVisible();
  await expect(page.getByTestId('order-status')).toHaveText(placementStatusLabels.staffed.nb);
  await expect(page.getByTestId('current-staffing')).toContainText(site.supervisor.name);
  await expectAccessible(page);
}

/** The site's students as the API gives them to the coordinator's token. */
async function siteStudents(server: CentralServer, token: string): Promise<SiteStudents> {
  const response = await fetch(`${server.url}/portal/api/site/students`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return siteStudentsSchema.parse(await response.json());
}

async function tokenOf(server: CentralServer, username: string): Promise<string> {
  const response = await fetch(`${server.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

test('places are ordered, confirmed, staffed, distributed with a lock, published, mailed, and a supervisor change approved; a site sees only its own students', async ({
  laptop,
  server,
  smtp,
  browser,
}) => {
  expect(people, 'four students of the demo people').toHaveLength(4);
  const { page } = laptop;
  const pages = new ActivityPages(page);
  for (const site of sites) {
    for (const person of [site.coordinator, site.supervisor]) {
      await addUser(server.db, { ...person, id: person.userId, password: DEMO_PASSWORD, email: person.email ?? '' });
    }
  }
  const activities = defaultSyncCollections().find((collection) => collection.name === 'activities')!;
  await importAllOrNothing(server.db, activities, [activity as unknown as Record<string, unknown>], { actorId: null, action: 'activity-import' });

  const orders = await test.step('the administrator orders 2 places for class A at site 1 and for class B at site 2', async () => {
    await signedIn(page, 'placementAdmin');
    await page.goto(`/#${activityPath(activity.id)}`);
    await expect(pages.heading).toContainText(activity.courseCode, { timeout: SYNC_SETTLE_MS });
    await expect(page.getByText(pages.t.orders.none)).toBeVisible();
    await expectAccessible(page);
    const classes = activity.classes.map((c) => ({ name: c.name, students: activity.students.filter((s) => s.className === c.name).length }));
    for (const site of sites) await pages.order(classes, [site.className], site.name, 2);
    await expect(pages.ordersTable().getByRole('cell', { name: placementStatusLabels.ordered.nb, exact: true })).toHaveCount(2);
    await expectAccessible(page);

    await expect
      .poll(async () => [...(await storedOrders(server)).entries()].map(([site, order]) => [site, order.status, order.details.activity.classes]).sort(), {
        timeout: SYNC_SETTLE_MS,
      })
      .toEqual(sites.map((site) => [site.id, 'ordered', [site.className]]).sort());
    return storedOrders(server);
  });
  const order1 = orders.get(site1.id)!;
  const order2 = orders.get(site2.id)!;

  const [portal1, portal2] = await test.step('each site confirms capacity (the administrator is e-mailed) and adds its supervisors', async () => {
    const signedInPages: Page[] = [];
    for (const [site, order] of [
      [site1, order1],
      [site2, order2],
    ] as const) {
      const sitePage = await portalSignedIn(browser, server, site.coordinator.username);
      await expectAccessible(sitePage);
      await confirmCapacity(sitePage, 2);
      await expect
        .poll(() => mailsTo(smtp, adminEmail, order.caseNumber, 'Praksisstedet har bekreftet antall praksisplasser.').length, {
          timeout: 15_000,
          message: `the administrator's mail about ${site.name}`,
        })
        .toBe(1);
      await staff(sitePage, site);
      expect((await server.storedCase(order.id))!.details).toMatchObject({
        capacity: { places: 2 },
        staffing: [
          {
            className: site.className,
            coordinator: { userId: site.coordinator.userId },
            supervisors: [
              { userId: site.supervisor.userId, limit: 2 },
              { userId: site.coordinator.userId, limit: 2 },
            ],
          },
        ],
      });
      signedInPages.push(sitePage);
    }
    return signedInPages as [Page, Page];
  });

  await test.step('the laptop shows both orders staffed (live sync)', async () => {
    await expect(pages.ordersTable().getByRole('cell', { name: placementStatusLabels.staffed.nb, exact: true })).toHaveCount(2, {
      timeout: SYNC_SETTLE_MS,
    });
    await expectAccessible(page);
  });

  const table = page.getByRole('table', { name: t.studentsTable });
  const rowOf = (name: string): Locator => table.getByRole('row', { name: new RegExp(name) });
  const cells = (name: string) => rowOf(name).getByRole('cell');
  const moved = studentsOf(site1)[0]!;
  let movedTo = '';

  await test.step('the administrator distributes: every student placed with a why', async () => {
    await page.getByRole('link', { name: pages.t.distribution }).click();
    await expect(pages.heading).toHaveText(t.title(courseLabel));
    await expectAccessible(page);
    await page.getByRole('button', { name: t.distribute }).click();
    await expect(page.getByText(t.totalCost(''), { exact: false })).toBeVisible({ timeout: 30_000 });
    for (const student of activity.students) {
      const site = sites.find((candidate) => candidate.className === student.className)!;
      // Student, class, site, supervisor, cost, why, adjust (the name is the row's header cell).
      await expect(cells(student.name).nth(1)).toContainText(site.name);
      await expect(cells(student.name).nth(2)).toHaveText(new RegExp(`${site.supervisor.name}|${site.coordinator.name}`));
      await expect(cells(student.name).nth(4)).not.toHaveText('');
    }
    await expectAccessible(page);
  });

  await test.step('one student is moved to the other supervisor and locked; a re-run keeps them there', async () => {
    const current = await cells(moved.name).nth(2).textContent();
    const other = current === site1.supervisor.name ? site1.coordinator : site1.supervisor;
    movedTo = other.userId;
    await page.getByRole('button', { name: t.change(moved.name) }).click();
    await page.getByLabel(t.chooseSite(moved.name)).selectOption(order1.id);
    await page.getByLabel(t.chooseSupervisor(moved.name)).selectOption(other.userId);
    await expectAccessible(page);
    await page.getByRole('button', { name: t.lock }).click();
    await expect(cells(moved.name).nth(5)).toContainText(t.locked);
    await expect(cells(moved.name).nth(2)).toHaveText(other.name);

    await expect
      .poll(async () => (await storedActivity(server)).distribution?.assignments.find((a) => a.personId === moved.personId), { timeout: SYNC_SETTLE_MS })
      .toMatchObject({ orderId: order1.id, supervisorId: other.userId, locked: true });
    const before = (await storedActivity(server)).distribution!.ranAt;
    await page.getByRole('button', { name: t.rerun }).click();
    await expect
      .poll(async () => (await storedActivity(server)).distribution!.ranAt, { timeout: SYNC_SETTLE_MS, message: 'the re-run reaches the server' })
      .not.toBe(before);
    expect((await storedActivity(server)).distribution).toMatchObject({
      status: 'optimal',
      assignments: expect.arrayContaining([expect.objectContaining({ personId: moved.personId, supervisorId: other.userId, locked: true })]),
    });
    await expect(cells(moved.name).nth(5)).toContainText(t.locked);
    await expect(cells(moved.name).nth(2)).toHaveText(other.name);
    await expectAccessible(page);
  });

  await test.step('the administrator publishes: the server orders carry the students and each student is e-mailed', async () => {
    await page.getByRole('button', { name: t.publish }).click();
    await expect(page.getByRole('status').filter({ hasText: t.published(2) })).toBeVisible({ timeout: SYNC_SETTLE_MS });
    await expectAccessible(page);
    for (const [site, order] of [
      [site1, order1],
      [site2, order2],
    ] as const) {
      await expect
        .poll(
          async () => {
            const stored = await server.storedCase(order.id);
            const students = (stored?.details as PlacementDetails).distribution?.students.map((s) => s.personId).sort() ?? [];
            return [stored?.status, students];
          },
          { timeout: SYNC_SETTLE_MS },
        )
        .toEqual([
          'studentsDistributed',
          studentsOf(site)
            .map((s) => s.personId)
            .sort(),
        ]);
    }
    const distributed = ((await server.storedCase(order1.id))!.details as PlacementDetails).distribution!.students;
    expect(distributed.find((s) => s.personId === moved.personId)!.supervisorId).toBe(movedTo);

    for (const student of activity.students) {
      const site = sites.find((candidate) => candidate.className === student.className)!;
      const order = site === site1 ? order1 : order2;
      const stored = ((await server.storedCase(order.id))!.details as PlacementDetails).distribution!.students.find((s) => s.personId === student.personId)!;
      const supervisor = [site.supervisor, site.coordinator].find((person) => person.userId === stored.supervisorId)!;
      await expect
        .poll(() => mailsTo(smtp, student.email!, 'Din praksisplass', site.name, `Veileder: ${supervisor.name}`).length, {
          timeout: 15_000,
          message: `the placement mail to ${student.name}`,
        })
        .toBe(1);
    }
  });

  const changed = studentsOf(site1).find((student) => student.personId !== moved.personId)!;
  await test.step('site 1 sees its students as upcoming and asks for another supervisor for one of them', async () => {
    await portal1.getByRole('link', { name: pt.students.nav }).click();
    await expect(portal1.getByRole('heading', { level: 1, name: pt.students.title })).toBeVisible();
    const lists = await siteStudents(server, await tokenOf(server, site1.coordinator.username));
    for (const when of ['now', 'upcoming', 'past'] as const) {
      await expect(portal1.getByRole('heading', { level: 2, name: pt.students.lists[when](lists[when].length) })).toBeVisible();
    }
    for (const student of studentsOf(site1)) {
      await expect(portal1.getByTestId('students-upcoming').locator('tbody tr').filter({ hasText: student.name })).toHaveCount(1);
    }
    await expectAccessible(portal1);

    await portal1.goto(`${server.url}/portal/#/bestilling/${encodeURIComponent(order1.id)}`);
    const row = portal1.getByTestId('order-students').locator('tbody tr').filter({ hasText: changed.name });
    await expect(row).toHaveCount(1);
    await portal1.getByLabel(pt.change.student, { exact: true }).selectOption(changed.personId);
    await portal1.getByLabel(pt.change.reason, { exact: true }).fill('Veilederen er på kurs de første ukene');
    await portal1.getByRole('button', { name: pt.change.send }).click();
    await expect(portal1.getByText(pt.change.done)).toBeVisible();
    await expect(row.getByTestId('change-state')).toContainText(pt.change.state.waiting('', '').split(':')[0]!);
    await expectAccessible(portal1);
  });

  await test.step('the administrator approves the request on the order page; the site sees it approved and the new supervisor', async () => {
    const [request] = ((await server.storedCase(order1.id))!.details as PlacementDetails).supervisorChangeRequests;
    expect(request).toMatchObject({ personId: changed.personId });
    const from = [site1.supervisor, site1.coordinator].find((person) => person.userId === request!.fromId)!;
    const to = [site1.supervisor, site1.coordinator].find((person) => person.userId === request!.toId)!;
    expect(from.userId).not.toBe(to.userId);

    const ot = pages.t.order;
    await page.goto(`/#${orderPath(order1.id)}`);
    const changes = page.getByRole('region', { name: ot.changes });
    await expect(changes.getByText(ot.change(changed.name, from.name, to.name))).toBeVisible({ timeout: SYNC_SETTLE_MS });
    await expectAccessible(page);
    await changes.getByLabel(ot.commentFor(changed.name)).fill('Greit, fra første dag');
    await changes.getByRole('button', { name: ot.approve }).click();
    await expect(changes.getByText(/Godkjent av/)).toBeVisible();
    await expectAccessible(page);

    await expect
      .poll(
        async () => {
          const details = (await server.storedCase(order1.id))!.details as PlacementDetails;
          return details.distribution!.students.find((s) => s.personId === changed.personId)!.supervisorId;
        },
        { timeout: SYNC_SETTLE_MS },
      )
      .toBe(to.userId);
    await portal1.reload();
    const row = portal1.getByTestId('order-students').locator('tbody tr').filter({ hasText: changed.name });
    await expect(row.getByTestId('change-state')).toContainText(pt.change.state.approved('', '').split(':')[0]!);
    await expect(row.getByTestId('change-state')).toContainText('Greit, fra første dag');
    await expect(row.locator('td').nth(2)).toContainText(to.name);
    await expectAccessible(portal1);
  });

  await test.step("site 2 sees nothing of site 1's students, in the portal and in the API", async () => {
    await portal2.getByRole('link', { name: pt.students.nav }).click();
    await expect(portal2.getByRole('heading', { level: 1, name: pt.students.title })).toBeVisible();
    for (const student of studentsOf(site2)) {
      await expect(portal2.getByTestId('students-upcoming').locator('tbody tr').filter({ hasText: student.name })).toHaveCount(1);
    }
    for (const student of studentsOf(site1)) await expect(portal2.getByText(student.name)).toHaveCount(0);
    await expectAccessible(portal2);

    const token = await tokenOf(server, site2.coordinator.username);
    const other = await fetch(`${server.url}/portal/api/site/orders/${encodeURIComponent(order1.id)}`, { headers: { authorization: `Bearer ${token}` } });
    expect(other.status).toBe(404);
    const own = await fetch(`${server.url}/portal/api/site/orders/${encodeURIComponent(order2.id)}`, { headers: { authorization: `Bearer ${token}` } });
    expect(own.status).toBe(200);
    const lists = await siteStudents(server, token);
    const seen = [...lists.now, ...lists.upcoming, ...lists.past].map((s) => s.personId);
    expect(seen).toEqual(expect.arrayContaining(studentsOf(site2).map((s) => s.personId)));
    for (const student of studentsOf(site1)) expect(seen).not.toContain(student.personId);
  });
});
