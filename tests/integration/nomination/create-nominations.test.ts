import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNominations } from '../../../src-server/case-types/nomination/create-nominations';
import { createDraftNominations } from '../../../src-server/case-types/nomination/draft-nominations';
import { createEwpNominationCases } from '../../../src-server/case-types/nomination/ewp/ewp-nomination-cases';
import { setIncomingStatus, storeEwpNominations } from '../../../src-server/case-types/nomination/ewp/ewp-nomination-store';
import { createOnBehalfNomination } from '../../../src-server/case-types/nomination/on-behalf-nomination';
import { importAllOrNothing } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import { schemaVersionOf } from '../../../src-shared/db/collections';
import type { Actor } from '../../../src-shared/domain/access';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { EducationOffer } from '../../../src-shared/domain/nomination/education-offer';
import { ewpNominationSchema, type EwpNomination } from '../../../src-shared/domain/nomination/ewp-nomination';
import { parseNominationCsv } from '../../../src-shared/domain/nomination/nomination-csv';
import type { NominationDetails } from '../../../src-shared/domain/nomination/nomination.schema';
import { validateOrgRows } from '../../../src-shared/domain/organisation/org-import-rows';
import type { Person } from '../../../src-shared/domain/person/person.schema';
import { startTestServer, type TestServer } from '../sync/support/test-server';
import { lindenhofOffer } from '../../../dev/testing/offer-fixture';

/**
 * Nominations become cases by one path (createNominations), whichever way they come in: a CSV
 * upload, staff on behalf of a partner, EWP drafts. Against the server's real database (PGlite, or
 * PostgreSQL with DATABASE_URL), read back as each user's laptop pulls it.
 */
const publicUrl = 'https://saksflyt.example.no';
const now = new Date('2026-12-06T10:00:00.000Z');
const today = '2026-12-06';
let server: TestServer;
const actors = new Map<string, Actor>();
const tokens = new Map<string, string>();
const collection = (name: string) => defaultSyncCollections().find((candidate) => candidate.name === name)!;

const offer = (overrides: Partial<EducationOffer> = {}): EducationOffer =>
  lindenhofOffer({
    ...{
      institution: 'hvl',
      name: { nb: 'Utveksling helse, vår 2027', en: 'Exchange in health, spring 2027' },
      admission: {
        proFormaMode: 'ranked',
        screening: 'all',
        requiredItems: ['homeResults'],
        maxChoices: 2,
        deadlines: { nomination: '2026-12-15', application: '2027-01-05', answer: '2027-01-20' },
      },
    },
    ...overrides,
  });

beforeAll(async () => {
  server = await startTestServer();
  const organisation = validateOrgRows(
    [
      { id: 'hvl', kind: 'institution', name: 'Høgskulen på Vestlandet' },
      { id: 'helse', kind: 'department', name: 'Helse', parentId: 'hvl' },
      { id: 'partner-lindenhof', kind: 'partner', name: 'Hochschule Lindenhof', parentId: 'hvl', country: 'DE', ewpHeiId: 'lindenhof.de' },
      { id: 'avt-lindenhof', kind: 'agreement', name: 'Avtale med Lindenhof', parentId: 'partner-lindenhof', validFrom: '2024-01-01', places: '10' },
      { id: 'partner-valmont', kind: 'partner', name: 'Université de Valmont', parentId: 'hvl', country: 'FR', ewpHeiId: 'valmont.fr' },
      { id: 'avt-valmont', kind: 'agreement', name: 'Avtale med Valmont', parentId: 'partner-valmont', validFrom: '2024-01-01', places: '4' },
    ],
    [],
    now.toISOString(),
  );
  if (!organisation.ok) throw new Error(JSON.stringify(organisation.problems));
  await importAllOrNothing(server.db, collection('organisation'), organisation.units, { actorId: null, action: 'org-import' });
  const offers = [
    offer({}),
    offer({ id: 'offer-bip-digh-27', code: 'BIP-DIGH-27', kind: 'blendedIntensive', capacity: 4 }),
    offer({ id: 'offer-utv-oko-27v', code: 'UTV-OKO-27V', partnerId: 'partner-valmont', agreementId: 'avt-valmont', capacity: 4 }),
  ];
  await importAllOrNothing(server.db, collection('offers'), offers as unknown as Record<string, unknown>[], { actorId: null, action: 'offer-import' });
  const users = [
    ['officer', 'caseOfficer', []],
    ['nominator-lindenhof', 'nominator', ['partner-lindenhof']],
    ['nominator-valmont', 'nominator', ['partner-valmont']],
  ] as const;
  for (const [username, role, partners] of users) {
    const actor = await server.addUser({
      username,
      name: `Bruker ${username}`,
      roles: [role],
      scope: { institution: 'hvl', departments: [], cohorts: [], partners: [...partners] },
    });
    actors.set(username, actor);
    tokens.set(username, (await server.login(username)).accessToken);
  }
});
afterAll(async () => {
  await server?.close();
});

const actor = (username: string) => actors.get(username)!;

function upload(...rows: [name: string, email: string, offer: string, choices?: string][]) {
  const file = [
    'Fornavn;Etternavn;E-post;Fødselsdato;Statsborgerskap;Tilbudskode;Termin;Valg',
    ...rows.map(([name, email, code, choices = '']) => `${name};Müller;${email};2001-05-17;DE;${code};2027V;${choices}`),
  ].join('\r\n');
  const parsed = parseNominationCsv(file, { today });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.drafts;
}

/** What a fresh laptop of the user receives from a collection. */
async function pulled<T>(username: string, name: 'cases' | 'people'): Promise<T[]> {
  const response = await fetch(`${server.url}/sync/${name}/v${schemaVersionOf(name)}/pull?batchSize=1000`, {
    headers: { authorization: `Bearer ${tokens.get(username)}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { documents: T[] }).documents;
}

async function storedCount(): Promise<number> {
  const [row] = await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sync_documents WHERE collection IN ('cases', 'people')`);
  return row!.n;
}

const lindenhofNominator = () => ({ kind: 'nominator' as const, actor: actor('nominator-lindenhof') });

describe('CSV rows become cases', () => {
  it('creates nominated cases with their applicants, seen by the partner’s nominator and the case officer, not by another partner', async () => {
    const result = await createDraftNominations(server.db, {
      drafts: upload(['Anna', 'anna@lindenhof.de', 'UTV-HEL-27V', 'BIP-DIGH-27 UTV-HEL-27V'], ['Ben', 'ben@lindenhof.de', 'BIP-DIGH-27']),
      partnerId: 'partner-lindenhof',
      nominator: lindenhofNominator(),
      channel: 'partnerSystem',
      now,
      publicUrl,
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.cases.map((c) => c.created)).toEqual([true, true]);

    const cases = await pulled<Case>('nominator-lindenhof', 'cases');
    const anna = cases.find((c) => c.id === result.cases[0]!.caseId)!;
    expect(anna).toMatchObject({ status: 'nominated', cohort: 'partner-lindenhof', department: 'helse', createdBy: actor('nominator-lindenhof').userId });
    const details = anna.details as NominationDetails;
    expect(details.offer).toEqual({ code: 'UTV-HEL-27V', name: 'Utveksling helse, vår 2027', kind: 'exchange', term: '2027V', agreementId: 'avt-lindenhof' });
    expect(details.admission).toEqual({ proFormaMode: 'ranked', screening: 'all', requiredItems: ['homeResults'] });
    expect(details.admissionKind).toBe('screening');
    expect(details.nomination).toMatchObject({ nominatedBy: actor('nominator-lindenhof').userId, channel: 'partnerSystem' });
    expect(details.nomination.onBehalfOf).toBeUndefined();
    // What the nominator told of the applicant, and the choices proposed (best first), are kept on the case.
    expect(details.nomination.applicant).toEqual({ birthDate: '2001-05-17', citizenship: 'DE' });
    expect(details.nomination.choices?.map((choice) => choice.code)).toEqual(['BIP-DIGH-27', 'UTV-HEL-27V']);
    expect(anna.deadlines).toEqual([{ kind: 'application', due: '2027-01-05', label: 'Frist for å fullføre søknaden' }]);

    for (const username of ['officer', 'nominator-lindenhof']) {
      const people = await pulled<Person>(username, 'people');
      expect(people.find((person) => person.id === anna.subjectPersonId)).toMatchObject({ givenName: 'Anna', email: 'anna@lindenhof.de', nationalId: '' });
    }
    expect((await pulled<Person>('nominator-valmont', 'people')).map((person) => person.id)).not.toContain(anna.subjectPersonId);
    expect((await pulled<Case>('officer', 'cases')).map((c) => c.id)).toEqual(expect.arrayContaining(result.cases.map((c) => c.caseId)));
    expect((await pulled<Case>('nominator-valmont', 'cases')).map((c) => c.id)).not.toContain(anna.id);
  });

  it('creates nothing new for the same upload again', async () => {
    const before = await storedCount();
    const result = await createDraftNominations(server.db, {
      drafts: upload(['Anna', 'ANNA@lindenhof.de', 'UTV-HEL-27V'], ['Ben', 'ben@lindenhof.de', 'BIP-DIGH-27']),
      partnerId: 'partner-lindenhof',
      nominator: lindenhofNominator(),
      channel: 'partnerSystem',
      now: new Date('2026-12-06T11:00:00.000Z'),
      publicUrl,
    });
    expect(result).toMatchObject({ ok: true, cases: [{ created: false }, { created: false }] });
    expect(await storedCount()).toBe(before);
  });

  it('refuses the whole upload when one row names another partner’s offer, and creates nothing', async () => {
    const before = await storedCount();
    const result = await createDraftNominations(server.db, {
      drafts: upload(['Clara', 'clara@lindenhof.de', 'UTV-HEL-27V'], ['Dora', 'dora@lindenhof.de', 'UTV-OKO-27V']),
      partnerId: 'partner-lindenhof',
      nominator: lindenhofNominator(),
      channel: 'partnerSystem',
      now,
      publicUrl,
    });
    expect(result.ok).toBe(false);
    expect('rows' in result && result.rows.map((row) => row.ok)).toEqual([true, false]);
    expect(await storedCount()).toBe(before);
  });

  it('refuses a nominator of partner B creating for partner A, by the workflow’s creation rule', async () => {
    const before = await storedCount();
    const result = await createDraftNominations(server.db, {
      drafts: upload(['Emil', 'emil@lindenhof.de', 'UTV-HEL-27V']),
      partnerId: 'partner-lindenhof',
      nominator: { kind: 'nominator', actor: actor('nominator-valmont') },
      channel: 'partnerSystem',
      now,
      publicUrl,
    });
    expect(result).toMatchObject({ ok: false, problems: [{ message: 'You may not create nomination cases in this scope' }] });
    expect(await storedCount()).toBe(before);
  });

  it('refuses a case officer nominating as if a nominator (no on-behalf record)', async () => {
    const result = await createNominations(server.db, {
      drafts: [{ key: 'x', personKey: 'x', offerCode: 'UTV-HEL-27V', applicant: { givenName: 'Frida', familyName: 'Lund', email: 'f@example.com' } }],
      partnerId: 'partner-lindenhof',
      nominator: { kind: 'nominator', actor: actor('officer') },
      channel: 'userInterface',
      now,
      publicUrl,
    });
    expect(result).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining('onBehalfOf') }] });
  });
});

describe('on behalf of a partner', () => {
  const draft = {
    givenName: 'Greta',
    familyName: 'Berg',
    email: 'greta@lindenhof.de',
    birthDate: '2000-02-02',
    citizenship: 'DE',
    offerCode: 'UTV-HEL-27V',
    term: '2027V',
    choices: [],
  };

  it('requires a reason', async () => {
    const before = await storedCount();
    for (const reason of [undefined, '   ', 'x'.repeat(1001)]) {
      const result = await createOnBehalfNomination(server.db, {
        request: { partnerId: 'partner-lindenhof', reason, draft },
        actor: actor('officer'),
        now,
        publicUrl,
      });
      expect(result).toMatchObject({ ok: false, invalid: expect.stringContaining('reason') });
    }
    expect(await storedCount()).toBe(before);
  });

  it('records who registered it for whom and why, on the case and in the audit trail', async () => {
    const reason = 'Partneren sendte nominasjonen per e-post.';
    const result = await createOnBehalfNomination(server.db, {
      request: { partnerId: 'partner-lindenhof', reason, draft },
      actor: actor('officer'),
      now,
      publicUrl,
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const caseId = result.cases[0]!.caseId;
    const seen = (await pulled<Case>('nominator-lindenhof', 'cases')).find((c) => c.id === caseId)!;
    expect((seen.details as NominationDetails).nomination).toEqual({
      nominatedAt: now.toISOString(),
      nominatedBy: 'partner-lindenhof',
      nominatorName: 'Hochschule Lindenhof',
      channel: 'userInterface',
      // What the draft told of the applicant is kept on the case (the applicant completes it).
      applicant: { birthDate: '2000-02-02', citizenship: 'DE' },
      onBehalfOf: { registeredBy: actor('officer').userId, registeredByName: 'Bruker officer', reason },
    });
    const audit = await server.db.query<{ actor_id: string; on_behalf_of: string; reason: string; detail: string | { summary: string } }>(
      `SELECT actor_id, on_behalf_of, reason, detail FROM audit_log WHERE action = 'nomination-registered' AND document_id = $1`,
      [caseId],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: actor('officer').userId, on_behalf_of: 'partner-lindenhof', reason });
    const detail = typeof audit[0]!.detail === 'string' ? (JSON.parse(audit[0]!.detail) as { summary: string }) : audit[0]!.detail;
    expect(detail.summary).toBe('Registered by Bruker officer on behalf of Hochschule Lindenhof');
  });

  it('is refused to a nominator (only staff register on behalf)', async () => {
    const result = await createOnBehalfNomination(server.db, {
      request: { partnerId: 'partner-lindenhof', reason: 'Fordi.', draft: { ...draft, email: 'h@lindenhof.de' } },
      actor: actor('nominator-lindenhof'),
      now,
      publicUrl,
    });
    expect(result).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining('in their own name') }] });
  });
});

describe('EWP drafts become cases', () => {
  const mobility = (omobilityId: string, sendingHei = 'lindenhof.de'): EwpNomination =>
    ewpNominationSchema.parse({
      omobilityId,
      status: 'nomination',
      sendingHei: { heiId: sendingHei },
      receivingHei: { heiId: 'hvl.no' },
      student: {
        givenNames: 'Iris',
        familyName: `Vogel ${omobilityId}`,
        otherNames: [],
        globalId: `urn:schac:personalUniqueCode:int:esi:${sendingHei}:${omobilityId}`,
      },
      period: { receivingAcademicYear: '2026/2027' },
      activity: { type: 'student-studies', attributes: 'long-term' },
      languageSkills: [],
    });

  it('turns the chosen mobilities into cases under the chosen offer, once', async () => {
    await storeEwpNominations(server.db, [mobility('om-1'), mobility('om-2'), mobility('om-9', 'valmont.fr')], now);
    const request = {
      offerCode: 'UTV-HEL-27V',
      mobilities: [
        { sendingHeiId: 'lindenhof.de', omobilityId: 'om-1' },
        { sendingHeiId: 'lindenhof.de', omobilityId: 'om-2' },
      ],
    };
    const first = await createEwpNominationCases(server.db, { request, actor: actor('officer'), now, publicUrl });
    if (!first.ok) throw new Error(JSON.stringify(first));
    expect(first.cases.map((c) => c.created)).toEqual([true, true]);
    const seen = (await pulled<Case>('nominator-lindenhof', 'cases')).find((c) => c.id === first.cases[0]!.caseId)!;
    expect((seen.details as NominationDetails).nomination).toMatchObject({
      channel: 'ewp',
      applicant: { globalStudentId: 'urn:schac:personalUniqueCode:int:esi:lindenhof.de:om-1' },
      onBehalfOf: { registeredBy: actor('officer').userId },
    });

    const statuses = await server.db.query<{ omobility_id: string; incoming_status: string }>(
      `SELECT omobility_id, incoming_status FROM ewp_nominations ORDER BY omobility_id`,
    );
    expect(statuses.map((row) => `${row.omobility_id}: ${row.incoming_status}`)).toEqual(['om-1: verified', 'om-2: verified', 'om-9: pending']);

    const before = await storedCount();
    const again = await createEwpNominationCases(server.db, { request, actor: actor('officer'), now, publicUrl });
    expect(again).toEqual({ ok: true, cases: first.cases.map((c) => ({ ...c, created: false })) });
    expect(await storedCount()).toBe(before);
  });

  it('refuses a request that does not parse, with a clear message', async () => {
    const result = await createEwpNominationCases(server.db, {
      request: { offerCode: 'UTV-HEL-27V', mobilities: [] },
      actor: actor('officer'),
      now,
      publicUrl,
    });
    expect(result).toMatchObject({ ok: false, problems: [{ key: 'request', message: expect.stringContaining('mobilities') }] });
  });

  it('refuses another partner’s mobility under the offer, a rejected one and an unknown one, creating nothing', async () => {
    await storeEwpNominations(server.db, [mobility('om-3')], now);
    await setIncomingStatus(server.db, { sendingHeiId: 'lindenhof.de', omobilityId: 'om-3' }, 'rejected');
    const before = await storedCount();
    const result = await createEwpNominationCases(server.db, {
      request: {
        offerCode: 'UTV-HEL-27V',
        mobilities: [
          { sendingHeiId: 'valmont.fr', omobilityId: 'om-9' },
          { sendingHeiId: 'lindenhof.de', omobilityId: 'om-3' },
          { sendingHeiId: 'lindenhof.de', omobilityId: 'om-404' },
        ],
      },
      actor: actor('officer'),
      now,
      publicUrl,
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        { key: 'ewp:valmont.fr:om-9', message: "valmont.fr is not the EWP HEI of the offer's partner" },
        { key: 'ewp:lindenhof.de:om-3', message: 'The mobility om-3 has been rejected' },
        { key: 'ewp:lindenhof.de:om-404', message: 'No EWP nomination om-404 from lindenhof.de' },
      ],
    });
    expect(await storedCount()).toBe(before);
  });
});
