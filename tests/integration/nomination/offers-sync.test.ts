import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCsvNominationsForPartner } from '../../../src-server/case-types/nomination/csv-import';
import { importAllOrNothing } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import { schemaVersionOf } from '../../../src-shared/db/collections';
import type { ActorScope, Role } from '../../../src-shared/domain/access';
import type { EducationOffer } from '../../../src-shared/domain/nomination/education-offer';
import { parseNominationCsv } from '../../../src-shared/domain/nomination/nomination-csv';
import { validateOrgRows } from '../../../src-shared/domain/organisation/org-import-rows';
import type { PushResponse } from '../../../src-shared/sync/push.schema';
import { startTestServer, type TestServer } from '../sync/support/test-server';
import { lindenhofOffer } from '../../../dev/testing/offer-fixture';

/**
 * The `offers` collection over real HTTP: case officers keep the institution's education offers,
 * heads of department those their department runs; a nominator receives only their own partner's
 * offers and writes none; a student receives nothing. The server checks each pushed offer against
 * its agreement in the organisation data, and the places the agreement's other offers take.
 */
let server: TestServer;
const tokens = new Map<string, string>();

const users: [username: string, role: Role, scope: Partial<ActorScope>][] = [
  ['officer', 'caseOfficer', {}],
  ['head-helse', 'departmentHead', { departments: ['helse'] }],
  ['nominator-lindenhof', 'nominator', { partners: ['partner-lindenhof'] }],
  ['nominator-valmont', 'nominator', { partners: ['partner-valmont'] }],
  ['student', 'student', {}],
];

beforeAll(async () => {
  server = await startTestServer();
  const organisation = validateOrgRows(
    [
      { id: 'hifj', kind: 'institution', name: 'Høgskolen i Fjordheim' },
      { id: 'helse', kind: 'department', name: 'Helse', parentId: 'hifj' },
      { id: 'okonomi', kind: 'department', name: 'Økonomi', parentId: 'hifj' },
      { id: 'partner-lindenhof', kind: 'partner', name: 'Hochschule Lindenhof', parentId: 'hifj', country: 'DE' },
      {
        id: 'avt-lindenhof',
        kind: 'agreement',
        name: 'Avtale med Lindenhof',
        parentId: 'partner-lindenhof',
        validFrom: '2024-01-01',
        validTo: '2029-12-31',
        places: '10',
      },
      { id: 'partner-valmont', kind: 'partner', name: 'Université de Valmont', parentId: 'hifj', country: 'FR' },
      {
        id: 'avt-valmont',
        kind: 'agreement',
        name: 'Avtale med Valmont',
        parentId: 'partner-valmont',
        validFrom: '2024-01-01',
        validTo: '2029-12-31',
        places: '4',
      },
    ],
    [],
    new Date().toISOString(),
  );
  if (!organisation.ok) throw new Error(JSON.stringify(organisation.problems));
  const collection = defaultSyncCollections().find((candidate) => candidate.name === 'organisation')!;
  await importAllOrNothing(server.db, collection, organisation.units, { actorId: null, action: 'org-import' });
  for (const [username, role, scope] of users) {
    await server.addUser({ username, roles: [role], scope: { institution: 'hifj', departments: [], cohorts: [], partners: [], ...scope } });
    tokens.set(username, (await server.login(username)).accessToken);
  }
});
afterAll(async () => {
  await server?.close();
});

const offer = lindenhofOffer;
const health = offer();
const digitalHealth = offer({
  id: 'offer-bip-digh-27',
  code: 'BIP-DIGH-27',
  kind: 'blendedIntensive',
  name: { nb: 'BIP: Digital helse', en: 'BIP: Digital health' },
  capacity: 4,
});
const business = offer({
  id: 'offer-utv-oko-27v',
  code: 'UTV-OKO-27V',
  department: 'okonomi',
  partnerId: 'partner-valmont',
  agreementId: 'avt-valmont',
  capacity: 4,
});

const wire = (doc: object) => ({ ...doc, _deleted: false });

async function push(username: string, doc: object, before: object | null = null) {
  const response = await fetch(`${server.url}/sync/offers/v${schemaVersionOf('offers')}/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(username)}` },
    body: JSON.stringify({ rows: [{ newDocumentState: wire(doc), assumedMasterState: before && wire(before) }] }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as PushResponse;
}
async function accepted(username: string, doc: object, before: object | null = null) {
  expect(await push(username, doc, before)).toMatchObject({ rejections: [], conflicts: [] });
}
async function refused(username: string, doc: object, before: object | null = null) {
  const { rejections } = await push(username, doc, before);
  expect(rejections).toHaveLength(1);
  return rejections[0]!;
}
/** What a fresh laptop of the user receives: the offers' codes, and the total announced. */
async function pulled(username: string) {
  const response = await fetch(`${server.url}/sync/offers/v${schemaVersionOf('offers')}/pull?batchSize=100`, {
    headers: { authorization: `Bearer ${tokens.get(username)}` },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { documents: EducationOffer[]; total: number };
  return { codes: body.documents.map((doc) => doc.code).sort(), total: body.total, documents: body.documents };
}
const storedCodes = async () =>
  (await server.db.query<{ id: string }>(`SELECT id FROM sync_documents WHERE collection = 'offers' ORDER BY id`)).map((row) => row.id);

describe('education offers over sync', () => {
  beforeAll(async () => {
    await accepted('officer', health);
    await accepted('officer', business);
  });

  it('sends a nominator their own partner’s offers in full, nothing of another partner’s, and a student nothing', async () => {
    const lindenhof = await pulled('nominator-lindenhof');
    expect(lindenhof).toMatchObject({ codes: ['UTV-HEL-27V'], total: 1 });
    expect(lindenhof.documents[0]).toEqual(wire(health));
    expect(await pulled('nominator-valmont')).toMatchObject({ codes: ['UTV-OKO-27V'], total: 1 });
    expect(await pulled('student')).toMatchObject({ codes: [], total: 0 });
    expect(await pulled('head-helse')).toMatchObject({ codes: ['UTV-HEL-27V', 'UTV-OKO-27V'], total: 2 });
  });

  it('refuses an offer from a nominator, new or changed, and keeps the stored one', async () => {
    expect(await refused('nominator-lindenhof', digitalHealth)).toMatchObject({ reason: 'forbidden', code: 'forbidden' });
    expect(await refused('nominator-lindenhof', { ...health, capacity: 10 }, health)).toMatchObject({ reason: 'forbidden' });
    expect(await refused('student', digitalHealth)).toMatchObject({ reason: 'forbidden' });
    expect(await storedCodes()).toEqual(['offer-utv-hel-27v', 'offer-utv-oko-27v']);
    expect((await pulled('officer')).documents.find((doc) => doc.id === health.id)?.capacity).toBe(6);
  });

  it('refuses more places under an agreement in a term than it has, and says how many are left', async () => {
    expect(await refused('officer', { ...digitalHealth, capacity: 5 })).toMatchObject({
      reason: 'workflow',
      code: 'capacity-above-places',
      message: 'The agreement avt-lindenhof has 10 places in 2027V; its other offers take 6, so this offer can have at most 4, not 5.',
    });
    expect(await refused('officer', { ...health, capacity: 11 }, health)).toMatchObject({
      code: 'capacity-above-places',
      message: 'The agreement avt-lindenhof has 10 places in 2027V; this offer cannot have 11.',
    });
    // Another term has its own places.
    await accepted('officer', { ...digitalHealth, id: 'offer-bip-digh-27h', code: 'BIP-DIGH-27H', term: '2027H', capacity: 10 });
  });

  it('never shares out more places than the agreement has when offers arrive at the same time', async () => {
    const spring28 = (n: number) => ({ ...business, id: `offer-utv-oko-28v-${n}`, code: `UTV-OKO-28V-${n}`, term: '2028V', capacity: 1 });
    const results = await Promise.all(Array.from({ length: 8 }, (_, n) => push('officer', spring28(n))));
    const refusals = results.flatMap((result) => result.rejections.map((rejection) => rejection.code));
    expect(refusals).toEqual(Array.from({ length: 4 }, () => 'capacity-above-places'));
  });

  it('refuses an offer under an agreement that is not with its partner, or unknown', async () => {
    expect(await refused('officer', { ...digitalHealth, agreementId: 'avt-valmont' })).toMatchObject({ reason: 'workflow', code: 'agreement-other-partner' });
    expect(await refused('officer', { ...digitalHealth, agreementId: 'avt-nowhere' })).toMatchObject({ reason: 'workflow', code: 'agreement-missing' });
    expect(await refused('officer', { ...digitalHealth, agreementId: 'partner-lindenhof' })).toMatchObject({ code: 'agreement-missing' });
  });

  it('lets a head of department keep their department’s offers only, and nobody move an offer to another partner', async () => {
    await accepted('head-helse', digitalHealth);
    expect(await refused('head-helse', { ...business, id: 'offer-utv-oko-27h', code: 'UTV-OKO-27H', term: '2027H' })).toMatchObject({ reason: 'forbidden' });
    expect(await refused('officer', { ...digitalHealth, partnerId: 'partner-valmont', agreementId: 'avt-valmont' }, digitalHealth)).toMatchObject({
      reason: 'immutable',
      code: 'fixed-field',
    });
    expect(await refused('officer', { ...digitalHealth, id: 'offer-copy' })).toMatchObject({ code: 'code-taken' });
  });

  it('quarantines an offer that does not fit the schema', async () => {
    const bad = { ...digitalHealth, id: 'offer-bad', code: 'BIP-BAD', admission: { ...digitalHealth.admission, maxChoices: 0 } };
    expect(await refused('officer', bad)).toMatchObject({ reason: 'invalid-document' });
  });

  it('checks an uploaded nomination file against the partner’s stored offers', async () => {
    const file = [
      'Fornavn;Etternavn;E-post;Fødselsdato;Statsborgerskap;Tilbudskode;Termin;Valg',
      'Anna;Becker;anna@example.com;2001-05-17;DE;UTV-HEL-27V;2027V;UTV-HEL-27V|BIP-DIGH-27',
      'Jonas;Weber;jonas@example.com;2002-03-01;DE;UTV-OKO-27V;2027V;',
    ].join('\r\n');
    const parsed = parseNominationCsv(file, { today: '2026-10-01' });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const results = await checkCsvNominationsForPartner(server.db, parsed.drafts, { partnerId: 'partner-lindenhof' }, '2026-10-01');
    expect(results).toEqual([
      {
        row: 2,
        ok: true,
        offer: { code: 'UTV-HEL-27V', name: health.name.nb, kind: 'exchange', term: '2027V', agreementId: 'avt-lindenhof' },
        partner: { id: 'partner-lindenhof', name: 'Hochschule Lindenhof' },
        choices: [
          { code: 'UTV-HEL-27V', name: health.name.nb },
          { code: 'BIP-DIGH-27', name: digitalHealth.name.nb },
        ],
      },
      {
        row: 3,
        ok: false,
        problems: [{ field: 'offerCode', message: expect.objectContaining({ en: 'The offer UTV-OKO-27V is not under any of your agreements.' }) }],
      },
    ]);
  });
});
