import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NOW, demoUsers, generateDemoData, type DemoData, type DemoUser } from '../../../dev/demo-data';
import { importDemoData } from '../../../dev/server/import-demo-data';
import { addDays } from '../../../src-shared/domain/calendar/iso-date';
import type { PlacementDetails } from '../../../src-shared/domain/placement/placement.schema';
import type { PlacementEvent } from '../../../src-shared/domain/placement/placement.workflow';
import type { WorkflowEvent } from '../../../src-shared/domain/workflow/workflow';
import { siteOrderSchema, sitePlacesSchema, siteStudentsSchema, siteUsersSchema, type SiteStudents } from '../../../src-shared/portal/site.contract';
import { addDemoAccount } from '../sync/support/demo';
import { startTestServer, type TestServer } from '../sync/support/test-server';

/**
 * A placement site's coordinator after confirming capacity, over real HTTP against the demo data:
 * staffing picked only from the site's own users (checked on the server), the distributed students
 * with supervisor and teacher, now / upcoming / past by an injected "today", supervisor change
 * requests that only the institution decides, and nothing at all of another site's students.
 */
let server: TestServer;
let data: DemoData;
const bearer: Record<string, { authorization: string }> = {};
const user = (id: string): DemoUser => demoUsers().find((candidate) => candidate.userId === id)!;
const short = (siteId: string) => siteId.replace('site-', '');
const coordinatorOf = (siteId: string) => user(`u-praksiskoord-${short(siteId)}`);
const supervisorOf = (siteId: string) => user(`u-praksisveileder-${short(siteId)}`);
const admin = user('u-praksisadmin');

type Placement = DemoData['cases'][number] & { details: PlacementDetails };
const placements = () => data.cases.filter((c) => c.type === 'placement') as Placement[];
/** The order whose student gets a change request: running, its class with two supervisors. */
let running: Placement;
let site: string;
let other: string;

beforeAll(async () => {
  server = await startTestServer();
  data = generateDemoData({ caseCount: 300, seed: 7, now: new Date(DEMO_NOW) });
  running = placements().find((c) => c.status === 'inProgress' && c.details.staffing?.every((s) => s.supervisors.length >= 2))!;
  if (!running) throw new Error('The demo data has no running placement with two supervisors');
  site = running.cohort;
  other = placements().find((c) => c.cohort !== site && (c.details.distribution?.students.length ?? 0) > 0)!.cohort;
  // The institution's teacher of the class, as the desktop app sets it on the activity.
  running.details.activity.teachers = [{ className: 'A', name: 'Ingrid Underviser', email: 'ingrid.underviser@hvl.example.no' }];
  await importDemoData(server.db, data);
  for (const account of [coordinatorOf(site), supervisorOf(site), coordinatorOf(other), supervisorOf(other), admin]) {
    await addDemoAccount(server, account);
    bearer[account.userId] = { authorization: `Bearer ${(await server.login(account.userId)).accessToken}` };
  }
}, 60_000);
afterAll(async () => {
  await server?.close();
});

const call = (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const as = (siteId: string) => bearer[coordinatorOf(siteId).userId];
const serverCase = async (id: string) => {
  const [row] = await server.db.query<{ doc: string }>(`SELECT doc FROM sync_documents WHERE collection = 'cases' AND id = $1`, [id]);
  return JSON.parse(row!.doc) as { status: string; details: PlacementDetails };
};
const studentsOn = async (siteId: string, today: string): Promise<SiteStudents> => {
  const response = await call('GET', `/portal/api/site/students?today=${today}`, as(siteId));
  expect(response.status).toBe(200);
  return siteStudentsSchema.parse(await response.json());
};
const ids = (list: { personId: string }[]) => list.map((s) => s.personId).sort();

const staffedOrder = () => {
  const order = placements().find((c) => c.cohort === site && c.status === 'staffed');
  if (!order) throw new Error('The demo data has no staffed order at the site');
  return order;
};

describe("a site's users and staffing", () => {
  it("lists exactly the site's coordinators and supervisors", async () => {
    const response = await call('GET', '/portal/api/site/users', as(site));
    expect(response.status).toBe(200);
    const { users } = siteUsersSchema.parse(await response.json());
    expect(users.map((u) => u.userId).sort()).toEqual([coordinatorOf(site).userId, supervisorOf(site).userId].sort());
    expect(users.find((u) => u.userId === supervisorOf(site).userId)).toMatchObject({
      roles: ['siteSupervisor'],
      sites: [site],
      email: supervisorOf(site).email,
    });
  });

  it('staffs an order from its own users; the stored case has them with their limits', async () => {
    const order = staffedOrder();
    const owner = site;
    const staffing = order.details.activity.classes.map((className) => ({
      className,
      coordinatorId: coordinatorOf(owner).userId,
      supervisors: [
        { userId: supervisorOf(owner).userId, limit: 3 },
        { userId: coordinatorOf(owner).userId, limit: 1 },
      ],
    }));
    const response = await call('PUT', `/portal/api/site/orders/${order.id}/staffing`, as(owner), { staffing });
    expect(response.status).toBe(200);
    const answered = siteOrderSchema.parse(await response.json());
    expect(answered.status).toBe('staffed');
    const stored = await serverCase(order.id);
    expect(stored.details.staffing).toHaveLength(order.details.activity.classes.length);
    expect(stored.details.staffing![0]).toMatchObject({
      coordinator: { userId: coordinatorOf(owner).userId, name: coordinatorOf(owner).name },
      supervisors: [
        { userId: supervisorOf(owner).userId, limit: 3, email: supervisorOf(owner).email },
        { userId: coordinatorOf(owner).userId, limit: 1 },
      ],
    });
  });

  it('refuses a user of another site, an unknown user and a supervisor as coordinator (400), and stores nothing', async () => {
    const order = staffedOrder();
    const [owner, stranger] = [site, other];
    const before = (await serverCase(order.id)).details.staffing;
    const staffingWith = (coordinatorId: string, supervisorId: string) => ({
      staffing: order.details.activity.classes.map((className) => ({ className, coordinatorId, supervisors: [{ userId: supervisorId, limit: 2 }] })),
    });
    for (const body of [
      staffingWith(coordinatorOf(owner).userId, supervisorOf(stranger).userId),
      staffingWith(coordinatorOf(stranger).userId, supervisorOf(owner).userId),
      staffingWith(coordinatorOf(owner).userId, 'u-no-such-user'),
      staffingWith(supervisorOf(owner).userId, supervisorOf(owner).userId),
    ]) {
      const response = await call('PUT', `/portal/api/site/orders/${order.id}/staffing`, as(owner), body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    expect((await serverCase(order.id)).details.staffing).toEqual(before);
  });
});

describe("a site's students", () => {
  it('shows the distributed students with supervisor and the institution teacher, with contact details', async () => {
    const order = siteOrderSchema.parse(await (await call('GET', `/portal/api/site/orders/${running.id}`, as(site))).json());
    const distributed = running.details.distribution!.students;
    expect(ids(order.students)).toEqual(ids(distributed));
    const first = order.students.find((s) => s.personId === distributed[0]!.personId)!;
    const supervisor = running.details.staffing![0]!.supervisors.find((s) => s.userId === distributed[0]!.supervisorId)!;
    expect(first).toMatchObject({
      name: distributed[0]!.name,
      email: distributed[0]!.email,
      supervisor: { userId: supervisor.userId, name: supervisor.name, email: supervisor.email },
      teacher: { name: 'Ingrid Underviser', email: 'ingrid.underviser@hvl.example.no' },
      changeRequests: [],
    });
  });

  it('lists the students now, upcoming and past by the placement period vs the injected today', async () => {
    const { from, to } = running.details.activity;
    const own = placements().filter((c) => c.cohort === site && !['draft', 'cancelled', 'declined'].includes(c.status));
    for (const today of [addDays(from, -1), from, to, addDays(to, 1), '2026-11-23']) {
      const lists = await studentsOn(site, today);
      const expected = (pick: (c: Placement) => boolean) => ids(own.filter(pick).flatMap((c) => c.details.distribution?.students ?? []));
      expect(lists.today).toBe(today);
      expect(ids(lists.now)).toEqual(expected((c) => c.details.activity.from <= today && today <= c.details.activity.to));
      expect(ids(lists.upcoming)).toEqual(expected((c) => today < c.details.activity.from));
      expect(ids(lists.past)).toEqual(expected((c) => c.details.activity.to < today));
    }
    const ofRunning = ids(running.details.distribution!.students);
    expect(ids((await studentsOn(site, addDays(from, -1))).upcoming)).toEqual(expect.arrayContaining(ofRunning));
    expect(ids((await studentsOn(site, from)).now)).toEqual(expect.arrayContaining(ofRunning));
    expect(ids((await studentsOn(site, addDays(to, 1))).past)).toEqual(expect.arrayContaining(ofRunning));
  });

  it('defaults today to the server clock', async () => {
    const lists = siteStudentsSchema.parse(await (await call('GET', '/portal/api/site/students', as(site))).json());
    expect(lists.today).toBe(new Date().toISOString().slice(0, 10));
  });

  it('counts the places offered per site and unit from the confirmed orders', async () => {
    const { places } = sitePlacesSchema.parse(await (await call('GET', '/portal/api/site/places', as(site))).json());
    const confirmed = placements().filter((c) => c.cohort === site && c.details.capacity && !['cancelled', 'declined'].includes(c.status));
    expect(places).toHaveLength(1);
    expect(places[0]).toMatchObject({
      siteId: site,
      unit: running.details.site.unit,
      confirmedPlaces: confirmed.reduce((sum, c) => sum + c.details.capacity!.places, 0),
      orders: confirmed.length,
    });
  });
});

describe('a supervisor change request', () => {
  const student = () => running.details.distribution!.students[0]!;
  const otherSupervisor = () =>
    running.details.staffing!.find((s) => s.className === student().className)!.supervisors.find((s) => s.userId !== student().supervisorId)!;

  it('is stored as waiting and does not change the supervisor; a second one for the student waits its turn (409)', async () => {
    const body = { personId: student().personId, toId: otherSupervisor().userId, reason: 'Veileder har langtidsfravær' };
    const response = await call('POST', `/portal/api/site/orders/${running.id}/supervisor-changes`, as(site), body);
    expect(response.status).toBe(200);
    const order = siteOrderSchema.parse(await response.json());
    const shown = order.students.find((s) => s.personId === student().personId)!;
    expect(shown.supervisor.userId).toBe(student().supervisorId);
    expect(shown.changeRequests).toMatchObject([
      { state: 'waiting', reason: body.reason, to: { userId: otherSupervisor().userId, name: otherSupervisor().name } },
    ]);
    const stored = await serverCase(running.id);
    expect(stored.details.supervisorChangeRequests).toMatchObject([{ personId: body.personId, toId: body.toId, reason: body.reason }]);
    expect(stored.details.distribution!.students[0]!.supervisorId).toBe(student().supervisorId);
    expect((await call('POST', `/portal/api/site/orders/${running.id}/supervisor-changes`, as(site), body)).status).toBe(409);
  });

  it("shows the institution's decision with its comment, and only then the new supervisor", async () => {
    const [request] = (await serverCase(running.id)).details.supervisorChangeRequests;
    const decided = await server.app.saksflyt.steps.take(
      running.id,
      {
        type: 'decideSupervisorChange',
        at: new Date().toISOString(),
        requestId: request!.id,
        approved: true,
        comment: 'Godkjent, ny veileder fra mandag',
      } satisfies PlacementEvent as WorkflowEvent,
      admin,
    );
    expect(decided.ok).toBe(true);
    const order = siteOrderSchema.parse(await (await call('GET', `/portal/api/site/orders/${running.id}`, as(site))).json());
    const shown = order.students.find((s) => s.personId === student().personId)!;
    expect(shown.supervisor.userId).toBe(otherSupervisor().userId);
    expect(shown.changeRequests).toMatchObject([{ state: 'approved', comment: 'Godkjent, ny veileder fra mandag' }]);
  });

  it('refuses a supervisor who is not of the class (409) and a student not at the order (404)', async () => {
    const second = running.details.distribution!.students[1]!;
    const stranger = await call('POST', `/portal/api/site/orders/${running.id}/supervisor-changes`, as(site), {
      personId: second.personId,
      toId: supervisorOf(other).userId,
      reason: 'Bytte',
    });
    expect(stranger.status).toBe(409);
    const elsewhere = placements().find((c) => c.cohort === other && c.details.distribution)!.details.distribution!.students[0]!;
    const missing = await call('POST', `/portal/api/site/orders/${running.id}/supervisor-changes`, as(site), {
      personId: elsewhere.personId,
      toId: otherSupervisor().userId,
      reason: 'Bytte',
    });
    expect(missing.status).toBe(404);
  });
});

describe('need to know', () => {
  it("a site sees nothing of another site's students, orders or users", async () => {
    const theirs = placements().filter((c) => c.cohort === other && c.status !== 'draft');
    const theirStudents = theirs.flatMap((c) => c.details.distribution?.students ?? []);
    expect(theirStudents.length).toBeGreaterThan(0);
    for (const path of ['/portal/api/site/orders', '/portal/api/site/students?today=2026-11-23', '/portal/api/site/places', '/portal/api/site/users']) {
      const text = await (await call('GET', path, as(site))).text();
      for (const s of theirStudents) expect(text, path).not.toContain(s.personId);
      expect(text, path).not.toContain(other);
      expect(text, path).not.toContain(supervisorOf(other).userId);
    }
    const order = theirs.find((c) => c.details.distribution)!;
    const student = order.details.distribution!.students[0]!;
    for (const [method, path, body] of [
      ['GET', `/portal/api/site/orders/${order.id}`, undefined],
      ['POST', `/portal/api/site/orders/${order.id}/supervisor-changes`, { personId: student.personId, toId: supervisorOf(other).userId, reason: 'Bytte' }],
      [
        'PUT',
        `/portal/api/site/orders/${order.id}/staffing`,
        { staffing: [{ className: 'A', coordinatorId: coordinatorOf(site).userId, supervisors: [{ userId: supervisorOf(site).userId, limit: 1 }] }] },
      ],
    ] as const) {
      expect((await call(method, path, as(site), body)).status, `${method} ${path}`).toBe(404);
    }
  });

  it("keeps the coordinator's routes closed to a site supervisor and the institution (403) and to no token (401)", async () => {
    for (const path of ['/portal/api/site/students', '/portal/api/site/users', '/portal/api/site/places']) {
      expect((await call('GET', path, bearer[supervisorOf(site).userId])).status, path).toBe(403);
      expect((await call('GET', path, bearer[admin.userId])).status, path).toBe(403);
      expect((await call('GET', path)).status, path).toBe(401);
    }
  });
});

describe("a site's supervisor", () => {
  it('signs in to the portal and reads only the students they supervise, now / upcoming / past', async () => {
    const supervisor = supervisorOf(site);
    const me = await (await call('GET', '/portal/api/me', bearer[supervisor.userId])).json();
    expect(me).toMatchObject({ role: 'siteSupervisor', partners: [{ id: site }] });
    const today = running.details.activity.from;
    const response = await call('GET', `/portal/api/site/supervised?today=${today}`, bearer[supervisor.userId]);
    expect(response.status).toBe(200);
    const text = await response.text();
    const lists = siteStudentsSchema.parse(JSON.parse(text));
    // As the server holds them now (the approved change above moved a student to another supervisor).
    const stored = await Promise.all(
      placements()
        .filter((c) => c.cohort === site)
        .map((c) => serverCase(c.id)),
    );
    const theirs = (pick: (d: PlacementDetails) => boolean) =>
      ids(
        stored
          .filter((c) => ['studentsDistributed', 'inProgress', 'completed'].includes(c.status) && pick(c.details))
          .flatMap((c) => c.details.distribution!.students.filter((st) => st.supervisorId === supervisor.userId)),
      );
    expect(ids(lists.now)).toEqual(theirs((d) => d.activity.from <= today && today <= d.activity.to));
    expect(ids(lists.upcoming)).toEqual(theirs((d) => today < d.activity.from));
    expect(ids(lists.past)).toEqual(theirs((d) => d.activity.to < today));
    expect(ids(lists.now)).not.toContain(running.details.distribution!.students[0]!.personId);
    expect([...lists.now, ...lists.upcoming, ...lists.past].every((st) => st.supervisor.userId === supervisor.userId)).toBe(true);
    expect(text).not.toContain(other);
    expect(text).not.toContain('changeRequests');
  });

  it('is read-only: the coordinator routes are 403, and a coordinator gets 403 on the supervisor route', async () => {
    const supervisor = bearer[supervisorOf(site).userId];
    expect((await call('GET', '/portal/api/site/orders', supervisor)).status).toBe(403);
    expect((await call('GET', `/portal/api/site/orders/${running.id}`, supervisor)).status).toBe(403);
    const change = { personId: running.details.distribution!.students[1]!.personId, toId: coordinatorOf(site).userId, reason: 'Bytte' };
    expect((await call('POST', `/portal/api/site/orders/${running.id}/supervisor-changes`, supervisor, change)).status).toBe(403);
    expect((await call('GET', '/portal/api/site/supervised', as(site))).status).toBe(403);
  });
});

describe('bad input', () => {
  it('is a 400, never a 500', async () => {
    const staffed = `/portal/api/site/orders/${running.id}/staffing`;
    const changes = `/portal/api/site/orders/${running.id}/supervisor-changes`;
    for (const [method, path, body] of [
      ['PUT', staffed, {}],
      ['PUT', staffed, { staffing: [] }],
      ['PUT', staffed, { staffing: [{ className: 'A', coordinatorId: 'x', supervisors: [] }] }],
      ['PUT', staffed, { staffing: [{ className: 'A', coordinatorId: 'x', supervisors: [{ userId: 'y', limit: 0 }] }] }],
      ['PUT', staffed, { staffing: [{ className: 'A', coordinatorId: 'x', supervisors: [{ userId: 'y', limit: 1 }], extra: 1 }] }],
      ['POST', changes, { personId: 'p', toId: 'v' }],
      ['POST', changes, { personId: 'p', toId: 'v', reason: '   ' }],
      ['POST', changes, { personId: '', toId: 'v', reason: 'Bytte' }],
      ['GET', '/portal/api/site/students?today=2026-13-40', undefined],
      ['GET', '/portal/api/site/students?tomorrow=2026-01-01', undefined],
    ] as const) {
      const response = await call(method, path, as(site), body);
      expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
    }
  });
});
