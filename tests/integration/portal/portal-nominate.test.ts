import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers, type DemoData, type DemoUser } from '../../../dev/demo-data';
import { MAX_NOMINATION_CSV_BYTES } from '../../../src-shared/domain/nomination/nomination-csv';
import { portalNominatedSchema, portalNominationErrorsSchema, portalNominationsSchema, portalOffersSchema } from '../../../src-shared/portal/portal.contract';
import { syncErrorSchema } from '../../../src-shared/sync/sync-error.schema';
import { addDemoAccount, importDemoData } from '../sync/support/demo';
import { startTestServer, type TestServer } from '../sync/support/test-server';

/**
 * A partner's nominator nominating through the portal's API over real HTTP: one applicant from the
 * form, a CSV file (all or nothing), the template; only for their own partner's offers, and only
 * nominators may.
 */
let server: TestServer;
let data: DemoData;
const bearer: Record<string, { authorization: string }> = {};
const user = (id: string): DemoUser => demoUsers().find((candidate) => candidate.userId === id)!;
const lindenhof = user('u-nominator-lindenhof');

beforeAll(async () => {
  server = await startTestServer();
  data = await importDemoData(server.db, 120, 3);
  for (const account of [lindenhof, user('u-studiekonsulent'), demoUsers().find((u) => u.roles.includes('student'))!]) {
    await addDemoAccount(server, account);
    bearer[account.roles[0]! === 'nominator' ? 'nominator' : account.roles[0]!] = {
      authorization: `Bearer ${(await server.login(account.userId)).accessToken}`,
    };
  }
}, 60_000);
afterAll(() => server?.close());

const ownOffer = () => data.offers.find((o) => o.partnerId === 'partner-lindenhof')!;
const otherOffer = () => data.offers.find((o) => o.partnerId === 'partner-valmont')!;
const draft = (email: string, offer = ownOffer()) => ({
  givenName: 'Greta',
  familyName: 'Berg',
  email,
  birthDate: '2000-02-02',
  citizenship: 'DE',
  offerCode: offer.code,
  term: offer.term,
  choices: [],
});
const csv = (...rows: [email: string, offerCode: string, term: string][]) =>
  [
    'Fornavn;Etternavn;E-post;Fødselsdato;Statsborgerskap;Tilbudskode;Termin;Valg',
    ...rows.map(([email, code, term]) => `Anna;Müller;${email};17.05.2001;DE;${code};${term};`),
  ].join('\r\n');

const post = (path: string, body: string, headers: Record<string, string>) => fetch(`${server.url}${path}`, { method: 'POST', body, headers });
const postJson = (body: unknown, role = 'nominator') =>
  post('/portal/api/nominations', JSON.stringify(body), { ...bearer[role], 'content-type': 'application/json' });
const postCsv = (text: string, role = 'nominator') => post('/portal/api/nominations/csv', text, { ...bearer[role], 'content-type': 'text/csv' });
async function myNominations() {
  const response = await fetch(`${server.url}/portal/api/nominations`, { headers: bearer.nominator });
  return portalNominationsSchema.parse(await response.json()).nominations;
}

describe('one by one', () => {
  it('creates a case the nominator then sees, and the same again creates nothing new', async () => {
    const before = await myNominations();
    const first = await postJson({ draft: draft('greta@lindenhof.de') });
    expect(first.status, await first.clone().text()).toBe(200);
    expect(portalNominatedSchema.parse(await first.json())).toEqual({ created: 1, existing: 0 });
    const after = await myNominations();
    expect(after).toHaveLength(before.length + 1);
    expect(after.filter((n) => !before.some((b) => b.caseNumber === n.caseNumber))).toEqual([
      expect.objectContaining({ applicantName: 'Greta Berg', offer: expect.objectContaining({ code: ownOffer().code }), status: 'nominated' }),
    ]);

    const again = await postJson({ draft: draft('greta@lindenhof.de') });
    expect(portalNominatedSchema.parse(await again.json())).toEqual({ created: 0, existing: 1 });
    expect(await myNominations()).toHaveLength(after.length);
  });

  it("refuses another partner's offer with the offer's error and creates nothing", async () => {
    const before = await myNominations();
    const response = await postJson({ draft: draft('hans@lindenhof.de', otherOffer()) });
    expect(response.status).toBe(422);
    const { errors } = portalNominationErrorsSchema.parse(syncErrorSchema.parse(await response.json()).details);
    expect(errors).toEqual([expect.objectContaining({ row: 1, field: 'offerCode' })]);
    expect(await myNominations()).toEqual(before);
  });

  it('refuses a partner outside the scope (403) and a bad draft (400)', async () => {
    expect((await postJson({ partner: 'partner-valmont', draft: draft('ida@lindenhof.de') })).status).toBe(403);
    expect((await postJson({ draft: { ...draft('ida@lindenhof.de'), email: 'not-an-email' } })).status).toBe(400);
  });
});

describe('a CSV file', () => {
  it('with one bad row is refused with that row’s error, and nothing is created', async () => {
    const before = await myNominations();
    const response = await postCsv(csv(['jon@lindenhof.de', ownOffer().code, ownOffer().term], ['kari@lindenhof.de', ownOffer().code, '1999X']));
    expect(response.status).toBe(422);
    const { errors } = portalNominationErrorsSchema.parse(syncErrorSchema.parse(await response.json()).details);
    expect(errors).toEqual([expect.objectContaining({ row: 3, column: 'Termin' })]);
    expect(await myNominations()).toEqual(before);
  });

  it("with another partner's offer in one row is refused at that row, and nothing is created", async () => {
    const before = await myNominations();
    const response = await postCsv(csv(['jon@lindenhof.de', ownOffer().code, ownOffer().term], ['kari@lindenhof.de', otherOffer().code, otherOffer().term]));
    expect(response.status).toBe(422);
    const { errors } = portalNominationErrorsSchema.parse(syncErrorSchema.parse(await response.json()).details);
    expect(errors).toEqual([expect.objectContaining({ row: 3, field: 'offerCode' })]);
    expect(await myNominations()).toEqual(before);
  });

  it('that is valid becomes cases', async () => {
    const before = await myNominations();
    const response = await postCsv(csv(['jon@lindenhof.de', ownOffer().code, ownOffer().term], ['kari@lindenhof.de', ownOffer().code, ownOffer().term]));
    expect(response.status, await response.clone().text()).toBe(200);
    expect(portalNominatedSchema.parse(await response.json())).toEqual({ created: 2, existing: 0 });
    expect(await myNominations()).toHaveLength(before.length + 2);
  });

  it('larger than the limit is 413', async () => {
    const response = await postCsv('x'.repeat(MAX_NOMINATION_CSV_BYTES + 1024));
    expect(response.status).toBe(413);
  });
});

describe('a nominator of two partners', () => {
  it('sees both partners’ offers with their partner, and nominates for the partner named, only when one is named', async () => {
    await server.addUser({
      id: 'u-nominator-both',
      username: 'nominator-both',
      name: 'Nominator for to partnere',
      roles: ['nominator'],
      scope: { ...lindenhof.scope, partners: ['partner-lindenhof', 'partner-valmont'] },
      email: 'both@partners.example',
    });
    const headers = { authorization: `Bearer ${(await server.login('nominator-both')).accessToken}`, 'content-type': 'application/json' };
    const { offers } = portalOffersSchema.parse(await (await fetch(`${server.url}/portal/api/offers`, { headers })).json());
    expect(new Set(offers.map((o) => o.partner.id))).toEqual(new Set(['partner-lindenhof', 'partner-valmont']));
    expect(offers.find((o) => o.code === otherOffer().code)!.partner).toEqual({ id: 'partner-valmont', name: expect.any(String) });

    const nominate = (body: unknown) => fetch(`${server.url}/portal/api/nominations`, { method: 'POST', headers, body: JSON.stringify(body) });
    // Which partner is not guessed.
    expect((await nominate({ draft: draft('lea@valmont.fr', otherOffer()) })).status).toBe(400);
    const named = await nominate({ partner: 'partner-valmont', draft: draft('lea@valmont.fr', otherOffer()) });
    expect(named.status, await named.clone().text()).toBe(200);
    // An offer of the other partner than the one named is refused at the offer.
    expect((await nominate({ partner: 'partner-lindenhof', draft: draft('max@valmont.fr', otherOffer()) })).status).toBe(422);
    const template = await fetch(`${server.url}/portal/api/nominations/template?lang=nb&partner=partner-valmont`, { headers });
    expect((await template.text()).trim().split('\r\n')[1]!.split(';')[5]).toBe(otherOffer().code);
  });
});

describe('the template', () => {
  it("is a CSV in the language asked for, with the partner's own offer as example", async () => {
    for (const [lang, header] of [
      ['nb', 'Fornavn;'],
      ['en', 'Given name,'],
    ] as const) {
      const response = await fetch(`${server.url}/portal/api/nominations/template?lang=${lang}`, { headers: bearer.nominator });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      const text = await response.text();
      expect(text).toContain(header);
      const example = text.trim().split('\r\n')[1]!.split(header.slice(-1));
      expect(data.offers.filter((o) => o.partnerId === 'partner-lindenhof').map((o) => o.code)).toContain(example[5]);
    }
  });
});

describe('refused', () => {
  it('for staff and students (403) and without a token (401)', async () => {
    for (const role of ['caseOfficer', 'student']) {
      expect((await postJson({ draft: draft('lars@lindenhof.de') }, role)).status).toBe(403);
      expect((await postCsv(csv(['lars@lindenhof.de', ownOffer().code, ownOffer().term]), role)).status).toBe(403);
    }
    expect((await post('/portal/api/nominations', JSON.stringify({ draft: draft('lars@lindenhof.de') }), { 'content-type': 'application/json' })).status).toBe(
      401,
    );
    expect((await post('/portal/api/nominations/csv', csv(), { 'content-type': 'text/csv' })).status).toBe(401);
    expect((await fetch(`${server.url}/portal/api/nominations/template`)).status).toBe(401);
  });
});
