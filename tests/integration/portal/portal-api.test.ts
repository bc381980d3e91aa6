import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers, type DemoData, type DemoUser } from '../../../dev/demo-data';
import { portalMeSchema, portalNominationsSchema, portalOffersSchema } from '../../../src-shared/portal/portal.contract';
import { syncErrorSchema } from '../../../src-shared/sync/sync-error.schema';
import { addDemoAccount, importDemoData } from '../sync/support/demo';
import { startTestServer, type TestServer } from '../sync/support/test-server';

/**
 * The portal's API over real HTTP against the demo data: a partner's nominator reads the partner's
 * nominations and offers and nothing of another partner's, nor any national ID or note; staff and
 * students are refused, and so is a request without a token or with a bad query.
 */
let server: TestServer;
let data: DemoData;
const bearer: Record<string, { authorization: string }> = {};
const user = (id: string): DemoUser => demoUsers().find((candidate) => candidate.userId === id)!;
const lindenhof = user('u-nominator-lindenhof');
const valmont = user('u-nominator-valmont');

beforeAll(async () => {
  server = await startTestServer();
  data = await importDemoData(server.db, 120, 3);
  for (const account of [lindenhof, valmont, user('u-studiekonsulent'), demoUsers().find((u) => u.roles.includes('student'))!]) {
    await addDemoAccount(server, account);
    bearer[account.roles[0]! === 'nominator' ? account.userId : account.roles[0]!] = {
      authorization: `Bearer ${(await server.login(account.userId)).accessToken}`,
    };
  }
}, 60_000);
afterAll(() => server?.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });
const nominationsOf = (partnerId: string) => data.cases.filter((c) => c.type === 'nomination' && c.cohort === partnerId);

describe('a nominator', () => {
  it('reads who they are and their partner', async () => {
    const response = await get('/portal/api/me', bearer[lindenhof.userId]);
    expect(response.status).toBe(200);
    expect(portalMeSchema.parse(await response.json())).toEqual({
      name: lindenhof.name,
      role: 'nominator',
      partners: [{ id: 'partner-lindenhof', name: data.organisation.find((unit) => unit.id === 'partner-lindenhof')!.name }],
    });
  });

  it("reads exactly their partner's nominations, with applicant, offer and status and nothing internal", async () => {
    const response = await get('/portal/api/nominations', bearer[lindenhof.userId]);
    expect(response.status).toBe(200);
    const text = await response.text();
    const { nominations } = portalNominationsSchema.parse(JSON.parse(text));
    const own = nominationsOf('partner-lindenhof');
    expect(own.length).toBeGreaterThan(0);
    expect(nominations.map((n) => n.caseNumber)).toEqual(own.map((c) => c.caseNumber).sort());
    for (const stored of own) {
      const person = data.people.find((p) => p.id === stored.subjectPersonId)!;
      expect(nominations.find((n) => n.caseNumber === stored.caseNumber)).toEqual({
        caseNumber: stored.caseNumber,
        applicantName: `${person.givenName} ${person.familyName}`,
        offer: { code: (stored.details as { offer: { code: string } }).offer.code, name: (stored.details as { offer: { name: string } }).offer.name },
        status: stored.status,
      });
      if (person.nationalId) expect(text).not.toContain(person.nationalId);
      for (const note of data.notes.filter((n) => n.caseId === stored.id)) expect(text).not.toContain(note.text);
      expect(text).not.toContain(stored.id);
    }
    for (const other of nominationsOf('partner-valmont')) expect(text).not.toContain(other.caseNumber);
  });

  it('filters by status', async () => {
    const status = nominationsOf('partner-lindenhof')[0]!.status;
    const { nominations } = portalNominationsSchema.parse(await (await get(`/portal/api/nominations?status=${status}`, bearer[lindenhof.userId])).json());
    expect(nominations.map((n) => n.caseNumber)).toEqual(
      nominationsOf('partner-lindenhof')
        .filter((c) => c.status === status)
        .map((c) => c.caseNumber)
        .sort(),
    );
  });

  it("reads exactly their partner's offers, with capacity and deadlines", async () => {
    const response = await get('/portal/api/offers', bearer[lindenhof.userId]);
    expect(response.status).toBe(200);
    const { offers } = portalOffersSchema.parse(await response.json());
    const own = data.offers.filter((o) => o.partnerId === 'partner-lindenhof');
    expect(own.length).toBeGreaterThan(0);
    expect(offers.map((o) => o.code).sort()).toEqual(own.map((o) => o.code).sort());
    const first = own[0]!;
    expect(offers.find((o) => o.code === first.code)).toMatchObject({ capacity: first.capacity, deadlines: first.admission.deadlines });
    const others = data.offers.filter((o) => o.partnerId === 'partner-valmont').map((o) => o.code);
    expect(others.length).toBeGreaterThan(0);
    expect(offers.some((o) => others.includes(o.code))).toBe(false);
  });

  it("of another partner sees only that partner's", async () => {
    const { nominations } = portalNominationsSchema.parse(await (await get('/portal/api/nominations', bearer[valmont.userId])).json());
    expect(nominations.map((n) => n.caseNumber)).toEqual(
      nominationsOf('partner-valmont')
        .map((c) => c.caseNumber)
        .sort(),
    );
  });
});

describe('refused', () => {
  it.each(['/portal/api/me', '/portal/api/nominations', '/portal/api/offers'])('%s: staff and students get 403, no token 401', async (path) => {
    for (const role of ['caseOfficer', 'student']) {
      const response = await get(path, bearer[role]);
      expect(response.status).toBe(403);
      expect(syncErrorSchema.parse(await response.json()).code).toBe('forbidden');
    }
    expect((await get(path)).status).toBe(401);
    expect((await get(path, { authorization: 'Bearer not-a-token' })).status).toBe(401);
  });

  it.each(['status=nonsense', 'partner=partner-valmont', 'status=offered&status=admitted'])('a bad query (%s) is 400', async (query) => {
    const response = await get(`/portal/api/nominations?${query}`, bearer[lindenhof.userId]);
    expect(response.status).toBe(400);
    expect(syncErrorSchema.parse(await response.json()).code).toBe('bad-request');
  });
});
