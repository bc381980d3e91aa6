import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers, placementSites, type DemoData, type DemoUser } from '../../../dev/demo-data';
import { DEMO_APPLICANT_ID } from '../../../dev/demo-data/demo-users';
import { portalMeSchema } from '../../../src-shared/portal/portal.contract';
import { siteOrderSchema, siteOrdersSchema } from '../../../src-shared/portal/site.contract';
import { syncErrorSchema } from '../../../src-shared/sync/sync-error.schema';
import { startSmtpStandIn, type SmtpStandIn } from '../../stand-ins/smtp-server';
import { addDemoAccount, importDemoData } from '../sync/support/demo';
import { startTestServer, type TestServer } from '../sync/support/test-server';

/**
 * A placement site's coordinator in the portal over real HTTP against the demo data: they read only
 * their own sites' orders (not drafts), confirm capacity (the case moves on the server and the
 * placement administrator is e-mailed) or decline with a reason; other roles and other sites get nothing.
 */
let server: TestServer;
let smtp: SmtpStandIn;
let data: DemoData;
const bearer: Record<string, { authorization: string }> = {};
const user = (id: string): DemoUser => demoUsers().find((candidate) => candidate.userId === id)!;
const admin = user('u-praksisadmin');
const coordinatorOf = (siteId: string) => user(`u-praksiskoord-${siteId.replace('site-', '')}`);

const placements = () => data.cases.filter((c) => c.type === 'placement');
const orderedSites = () => [
  ...new Set(
    placements()
      .filter((c) => c.status === 'ordered')
      .map((c) => c.cohort),
  ),
];
let site: string;
let other: string;

beforeAll(async () => {
  smtp = await startSmtpStandIn();
  server = await startTestServer({
    smtp: { url: smtp.url, from: 'Saksflyt <saksflyt@hvl.example.no>', pollMs: 50, backoff: { baseMs: 100, maxMs: 400, maxAttempts: 50 } },
  });
  data = await importDemoData(server.db, 300, 7);
  const sites = orderedSites();
  if (sites.length === 0) throw new Error('The demo data has no ordered placement');
  site = sites[0]!;
  other = [...new Set(placements().map((c) => c.cohort))].find((id) => id !== site)!;
  for (const account of [
    ...placementSites.map((s) => coordinatorOf(s.id)),
    user('u-nominator-lindenhof'),
    user(DEMO_APPLICANT_ID),
    admin,
    user('u-studiekonsulent'),
  ]) {
    await addDemoAccount(server, account);
    bearer[account.userId] = { authorization: `Bearer ${(await server.login(account.userId)).accessToken}` };
  }
}, 60_000);
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

const call = (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const ordersOf = async (userId: string) =>
  siteOrdersSchema.parse(await (await call('GET', '/portal/api/site/orders', bearer[coordinatorOf(userId).userId])).json()).orders;
const ordered = () => placements().filter((c) => c.cohort === site && c.status === 'ordered');
const serverCase = async (id: string) => {
  const [row] = await server.db.query<{ doc: string }>(`SELECT doc FROM sync_documents WHERE collection = 'cases' AND id = $1`, [id]);
  return JSON.parse(row!.doc) as { status: string; details: { capacity?: { places: number }; declined?: { reason: string } } };
};

describe('a site coordinator', () => {
  it('is a portal user of role siteCoordinator with their site', async () => {
    const me = portalMeSchema.parse(await (await call('GET', '/portal/api/me', bearer[coordinatorOf(site).userId])).json());
    expect(me).toMatchObject({ role: 'siteCoordinator', partners: [{ id: site, name: data.organisation.find((unit) => unit.id === site)!.name }] });
  });

  it("reads exactly their site's sent orders, newest first, with nothing internal", async () => {
    const response = await call('GET', '/portal/api/site/orders', bearer[coordinatorOf(site).userId]);
    expect(response.status).toBe(200);
    const text = await response.text();
    const { orders } = siteOrdersSchema.parse(JSON.parse(text));
    const own = placements().filter((c) => c.cohort === site && c.status !== 'draft');
    expect(orders.map((o) => o.id).sort()).toEqual(own.map((c) => c.id).sort());
    expect(orders.every((o) => o.site.id === site)).toBe(true);
    const sent = orders.map((o) => o.sentAt ?? '');
    expect(sent).toEqual([...sent].sort().reverse());
    expect(text).not.toContain('assignees');
    expect(text).not.toContain(admin.userId);
  });

  it("gets another site's order as 404, like an unknown one", async () => {
    const theirs = placements().find((c) => c.cohort === other && c.status !== 'draft')!;
    const own = await ordersOf(other);
    expect(own.map((o) => o.id)).toContain(theirs.id);
    for (const id of [theirs.id, 'no-such-order']) {
      const response = await call('GET', `/portal/api/site/orders/${id}`, bearer[coordinatorOf(site).userId]);
      expect(response.status).toBe(404);
    }
    const refused = await call('POST', `/portal/api/site/orders/${theirs.id}/confirm`, bearer[coordinatorOf(site).userId], { places: 2 });
    expect(refused.status).toBe(404);
  });

  it('confirms capacity: the case is capacityConfirmed on the server and the placement administrator is e-mailed', async () => {
    const order = ordered()[0]!;
    const response = await call('POST', `/portal/api/site/orders/${order.id}/confirm`, bearer[coordinatorOf(site).userId], { places: 3 });
    expect(response.status).toBe(200);
    expect(siteOrderSchema.parse(await response.json())).toMatchObject({ id: order.id, status: 'capacityConfirmed', confirmedPlaces: 3 });
    expect(await serverCase(order.id)).toMatchObject({ status: 'capacityConfirmed', details: { capacity: { places: 3 } } });
    await expect.poll(() => smtp.received.some((mail) => mail.to.includes(admin.email!)), { timeout: 10_000 }).toBe(true);
    const again = await call('POST', `/portal/api/site/orders/${order.id}/confirm`, bearer[coordinatorOf(site).userId], { places: 3 });
    expect(again.status).toBe(409);
    expect(syncErrorSchema.parse(await again.json()).message).toBeTruthy();
  });

  it('declines an order for want of capacity, with the reason', async () => {
    const order = placements().find((c) => c.status === 'ordered' && c.cohort !== site);
    if (!order) throw new Error('The demo data has no second ordered placement');
    const coordinator = bearer[coordinatorOf(order.cohort).userId];
    const response = await call('POST', `/portal/api/site/orders/${order.id}/decline`, coordinator, { reason: 'Ingen veiledere i perioden' });
    expect(response.status).toBe(200);
    expect(siteOrderSchema.parse(await response.json())).toMatchObject({ status: 'declined', declineReason: 'Ingen veiledere i perioden' });
    expect(await serverCase(order.id)).toMatchObject({ status: 'declined', details: { declined: { reason: 'Ingen veiledere i perioden' } } });
  });

  it('gets 400 for bad input, never 500', async () => {
    const id = placements().find((c) => c.cohort === site && c.status !== 'draft')!.id;
    const coordinator = bearer[coordinatorOf(site).userId];
    for (const [path, body] of [
      ['confirm', { places: 0 }],
      ['confirm', { places: 'tre' }],
      ['confirm', {}],
      ['decline', { reason: '   ' }],
      ['decline', { reason: 'x', extra: true }],
    ] as const) {
      const response = await call('POST', `/portal/api/site/orders/${id}/${path}`, coordinator, body);
      expect(response.status, `${path} ${JSON.stringify(body)}`).toBe(400);
    }
  });
});

describe('other users', () => {
  it('are refused the site routes: nominator, applicant and staff 403, no token 401', async () => {
    for (const id of ['u-nominator-lindenhof', DEMO_APPLICANT_ID, 'u-studiekonsulent']) {
      expect((await call('GET', '/portal/api/site/orders', bearer[id])).status, id).toBe(403);
    }
    expect((await call('GET', '/portal/api/site/orders')).status).toBe(401);
  });

  it('keep nominator-only and applicant-only routes closed to a site coordinator', async () => {
    const coordinator = bearer[coordinatorOf(site).userId];
    expect((await call('GET', '/portal/api/nominations', coordinator)).status).toBe(403);
    expect((await call('GET', '/portal/api/applicant/applications', coordinator)).status).toBe(403);
  });
});
