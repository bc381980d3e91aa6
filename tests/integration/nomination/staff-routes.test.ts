import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lindenhofOffer } from '../../../dev/testing/offer-fixture';
import { storeEwpNominations } from '../../../src-server/case-types/nomination/ewp/ewp-nomination-store';
import { importAllOrNothing } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import { schemaVersionOf } from '../../../src-shared/db/collections';
import type { Role } from '../../../src-shared/domain/access';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { NominationDetails } from '../../../src-shared/domain/nomination/nomination.schema';
import { validateOrgRows } from '../../../src-shared/domain/organisation/org-import-rows';
import {
  caseUploadsSchema,
  ewpCasesRefusedSchema,
  ewpCasesRegisteredSchema,
  ewpInboxSchema,
  registeredCaseSchema,
} from '../../../src-shared/domain/nomination/nomination-staff.contract';
import { portalNominationErrorsSchema } from '../../../src-shared/portal/portal.contract';
import { syncErrorSchema } from '../../../src-shared/sync/sync-error.schema';
import { generateMobilities, PARTNER_HEI } from '../../stand-ins/ewp-partner-server';
import { startTestServer, type TestServer } from '../sync/support/test-server';

/**
 * The case officer's nomination routes over real HTTP against the server's real database (PGlite,
 * or PostgreSQL with DATABASE_URL): on behalf of a partner, the EWP inbox (register, reject), the
 * applicant's uploaded files. Only case officers of the partner's institution; others get 403/404.
 */
let server: TestServer;
const bearer: Record<string, { authorization: string }> = {};
const mobilities = generateMobilities(4);
const OTHER_HEI = 'valmont.fr';
const [otherMobility] = generateMobilities(1, { sendingHeiId: OTHER_HEI });
const collection = (name: string) => defaultSyncCollections().find((candidate) => candidate.name === name)!;

beforeAll(async () => {
  server = await startTestServer();
  const organisation = validateOrgRows(
    [
      { id: 'hvl', kind: 'institution', name: 'Høgskulen på Vestlandet' },
      { id: 'helse', kind: 'department', name: 'Helse', parentId: 'hvl' },
      { id: 'partner-lindenhof', kind: 'partner', name: 'Hochschule Lindenhof', parentId: 'hvl', country: 'DE', ewpHeiId: PARTNER_HEI },
      { id: 'avt-lindenhof', kind: 'agreement', name: 'Avtale med Lindenhof', parentId: 'partner-lindenhof', validFrom: '2024-01-01', places: '10' },
      { id: 'oslomet', kind: 'institution', name: 'OsloMet' },
      { id: 'partner-valmont', kind: 'partner', name: 'Université de Valmont', parentId: 'oslomet', country: 'FR', ewpHeiId: OTHER_HEI },
      { id: 'avt-valmont', kind: 'agreement', name: 'Avtale med Valmont', parentId: 'partner-valmont', validFrom: '2024-01-01', places: '4' },
    ],
    [],
    new Date().toISOString(),
  );
  if (!organisation.ok) throw new Error(JSON.stringify(organisation.problems));
  await importAllOrNothing(server.db, collection('organisation'), organisation.units, { actorId: null, action: 'org-import' });
  const offers = [
    lindenhofOffer({ institution: 'hvl' }),
    lindenhofOffer({
      id: 'offer-valmont',
      code: 'UTV-OKO-27V',
      institution: 'oslomet',
      department: 'oslomet',
      partnerId: 'partner-valmont',
      agreementId: 'avt-valmont',
    }),
  ];
  await importAllOrNothing(server.db, collection('offers'), offers as unknown as Record<string, unknown>[], { actorId: null, action: 'offer-import' });
  const users: [string, Role, string, string[]][] = [
    ['officer', 'caseOfficer', 'hvl', []],
    ['officer-oslomet', 'caseOfficer', 'oslomet', []],
    ['teacher', 'teacher', 'hvl', []],
    ['nominator', 'nominator', 'hvl', ['partner-lindenhof']],
  ];
  for (const [username, role, institution, partners] of users) {
    await server.addUser({ username, name: `Bruker ${username}`, roles: [role], scope: { institution, departments: [], cohorts: [], partners } });
    bearer[username] = { authorization: `Bearer ${(await server.login(username)).accessToken}` };
  }
  await storeEwpNominations(server.db, [...mobilities, otherMobility!], new Date('2026-12-06T10:00:00Z'));
}, 60_000);
afterAll(() => server?.close());

const get = (path: string, user: string) => fetch(`${server.url}${path}`, { headers: bearer[user] });
const post = (path: string, user: string, body: unknown) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { ...bearer[user], 'content-type': 'application/json' }, body: JSON.stringify(body) });
async function errorOf(response: Response, status: number) {
  expect(response.status).toBe(status);
  return syncErrorSchema.parse(await response.json());
}
async function pulledCase(id: string): Promise<Case | undefined> {
  const response = await get(`/sync/cases/v${schemaVersionOf('cases')}/pull?batchSize=1000`, 'officer');
  return ((await response.json()) as { documents: Case[] }).documents.find((c) => c.id === id);
}
const key = (m: (typeof mobilities)[number]) => ({ sendingHeiId: m.sendingHei.heiId, omobilityId: m.omobilityId });

describe('POST /api/nominations/on-behalf', () => {
  const draft = {
    givenName: 'Greta',
    familyName: 'Berg',
    email: 'greta.berg@example.de',
    birthDate: '2000-02-02',
    citizenship: 'DE',
    offerCode: 'UTV-HEL-27V',
    term: '2027V',
    choices: [],
    globalStudentId: 'urn:schac:personalUniqueCode:int:esi:lindenhof.de:77',
  };
  const request = { partnerId: 'partner-lindenhof', reason: 'Partneren fikk ikke logget inn før fristen', draft };

  it('creates the case "registered by X on behalf of Y" with what was told, and the same again finds it', async () => {
    const response = await post('/api/nominations/on-behalf', 'officer', request);
    expect(response.status).toBe(200);
    const registered = registeredCaseSchema.parse(await response.json());
    expect(registered.created).toBe(true);
    const details = (await pulledCase(registered.caseId))!.details as NominationDetails;
    expect(details.nomination).toMatchObject({
      channel: 'userInterface',
      nominatorName: 'Hochschule Lindenhof',
      applicant: { birthDate: '2000-02-02', citizenship: 'DE', globalStudentId: draft.globalStudentId },
      onBehalfOf: { registeredByName: 'Bruker officer', reason: request.reason },
    });
    const again = registeredCaseSchema.parse(await (await post('/api/nominations/on-behalf', 'officer', request)).json());
    expect(again).toEqual({ caseId: registered.caseId, created: false });
  });

  it('answers 400 without a reason, and 422 with the field’s error for an offer the partner does not have', async () => {
    expect((await errorOf(await post('/api/nominations/on-behalf', 'officer', { ...request, reason: '  ' }), 400)).message).toMatch(/reason/);
    const refused = await errorOf(await post('/api/nominations/on-behalf', 'officer', { ...request, draft: { ...draft, offerCode: 'UTV-OKO-27V' } }), 422);
    expect(portalNominationErrorsSchema.parse(refused.details).errors).toEqual([
      { row: 1, field: 'offerCode', message: { nb: expect.stringContaining('UTV-OKO-27V'), en: expect.stringContaining('UTV-OKO-27V') } },
    ]);
  });

  it('refuses another institution’s case officer (404: no such partner), nominators and other staff (403)', async () => {
    expect((await errorOf(await post('/api/nominations/on-behalf', 'officer-oslomet', request), 404)).code).toBe('not-found');
    await errorOf(await post('/api/nominations/on-behalf', 'nominator', request), 403);
    await errorOf(await post('/api/nominations/on-behalf', 'teacher', request), 403);
    expect((await fetch(`${server.url}/api/nominations/on-behalf`, { method: 'POST' })).status).toBe(401);
  });
});

describe('the EWP inbox', () => {
  async function inbox(user = 'officer', query = '') {
    const response = await get(`/api/nominations/ewp${query}`, user);
    expect(response.status).toBe(200);
    return ewpInboxSchema.parse(await response.json()).mobilities;
  }

  it('lists the institution’s partners’ mobilities with partner, student, period, ISCED/EQF, languages; none of another institution', async () => {
    const listed = await inbox();
    expect(listed.map((item) => item.omobilityId).sort()).toEqual(mobilities.map((m) => m.omobilityId).sort());
    const first = listed.find((item) => item.omobilityId === mobilities[0]!.omobilityId)!;
    const { student, period, iscedCode, eqfLevelAtNomination, languageSkills } = mobilities[0]!;
    expect(first).toMatchObject({
      sendingHeiId: PARTNER_HEI,
      partner: { id: 'partner-lindenhof', name: 'Hochschule Lindenhof' },
      student: { givenNames: student.givenNames, familyName: student.familyName, globalId: student.globalId, birthDate: student.birthDate },
      period,
      iscedCode,
      eqfLevel: eqfLevelAtNomination,
      languageSkills,
      mobilityStatus: 'nomination',
      status: 'pending',
      caseId: null,
    });
    expect((await inbox('officer-oslomet')).map((item) => item.omobilityId)).toEqual([otherMobility!.omobilityId]);
  });

  it('registers chosen mobilities under an offer (verified, with their case), and refuses all when one cannot go', async () => {
    const chosen = [key(mobilities[0]!), key(mobilities[1]!)];
    const refusedResponse = await post('/api/nominations/ewp/cases', 'officer', { offerCode: 'UTV-HEL-27V', mobilities: [...chosen, key(otherMobility!)] });
    const refused = ewpCasesRefusedSchema.parse((await errorOf(refusedResponse, 422)).details);
    expect(refused.problems).toEqual([{ ...key(otherMobility!), message: expect.stringContaining('not the EWP HEI') }]);
    expect((await inbox('officer', '?status=verified')).length).toBe(0);

    const response = await post('/api/nominations/ewp/cases', 'officer', { offerCode: 'UTV-HEL-27V', mobilities: chosen });
    expect(response.status).toBe(200);
    const { cases } = ewpCasesRegisteredSchema.parse(await response.json());
    expect(cases.map(({ omobilityId, created }) => ({ omobilityId, created }))).toEqual(chosen.map(({ omobilityId }) => ({ omobilityId, created: true })));
    const verified = await inbox('officer', '?status=verified');
    expect(verified.map((item) => [item.omobilityId, item.caseId]).sort()).toEqual(cases.map((c) => [c.omobilityId, c.caseId]).sort());
    const created = (await pulledCase(cases[0]!.caseId))!;
    expect((created.details as NominationDetails).nomination).toMatchObject({
      channel: 'ewp',
      applicant: { globalStudentId: mobilities[0]!.student.globalId },
    });
  });

  it('rejects one with a comment (audited), and refuses to reject a mobility that has a case (409)', async () => {
    const target = key(mobilities[2]!);
    const response = await post('/api/nominations/ewp/reject', 'officer', { ...target, comment: 'Ikke nok språkkunnskaper' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ...target, status: 'rejected' });
    expect(await inbox('officer', '?status=rejected')).toEqual([expect.objectContaining({ ...target, comment: 'Ikke nok språkkunnskaper' })]);
    const [audit] = await server.db.query<{ actor_id: string; reason: string }>(
      `SELECT actor_id, reason FROM audit_log WHERE action = 'ewp-nomination-rejected' AND document_id = $1`,
      [`${target.sendingHeiId}/${target.omobilityId}`],
    );
    expect(audit?.reason).toBe('Ikke nok språkkunnskaper');

    const withCase = await post('/api/nominations/ewp/reject', 'officer', { ...key(mobilities[0]!), comment: 'For sent' });
    expect((await errorOf(withCase, 409)).code).toBe('conflict');
  });

  it('gives another institution nothing, and refuses bad input with 400', async () => {
    await errorOf(await post('/api/nominations/ewp/reject', 'officer-oslomet', { ...key(mobilities[3]!), comment: 'Nei' }), 404);
    await errorOf(await post('/api/nominations/ewp/cases', 'officer-oslomet', { offerCode: 'UTV-HEL-27V', mobilities: [key(mobilities[3]!)] }), 404);
    expect((await inbox('officer', '?status=pending')).map((item) => item.omobilityId)).toEqual([mobilities[3]!.omobilityId]);
    await errorOf(await get('/api/nominations/ewp?status=accepted', 'officer'), 400);
    await errorOf(await post('/api/nominations/ewp/reject', 'officer', { ...key(mobilities[3]!), comment: '' }), 400);
    await errorOf(await post('/api/nominations/ewp/cases', 'officer', { offerCode: 'UTV-HEL-27V', mobilities: [] }), 400);
    await errorOf(await get('/api/nominations/ewp', 'nominator'), 403);
  });
});

describe('the applicant’s uploaded files', () => {
  let caseId: string;
  beforeAll(async () => {
    const response = await post('/api/nominations/on-behalf', 'officer', {
      partnerId: 'partner-lindenhof',
      reason: 'Test',
      draft: {
        givenName: 'Ola',
        familyName: 'Opp',
        email: 'ola@example.de',
        birthDate: '2001-01-01',
        citizenship: 'DE',
        offerCode: 'UTV-HEL-27V',
        term: '2027V',
        choices: [],
      },
    });
    caseId = registeredCaseSchema.parse(await response.json()).caseId;
    await server.db.query(
      `INSERT INTO portal_uploads (id, case_id, kind, file_name, media_type, size, sha256, content, uploaded_by, uploaded_at)
       VALUES ('u1', $1, 'languageRequirement', 'Språkbevis «B2».pdf', 'application/pdf', 8, 'x', $2, 'applicant', '2026-12-06T11:00:00Z')`,
      [caseId, Buffer.from('%PDF-1.7')],
    );
  });

  it('lists them for staff who see the case, and serves the file as an attachment with its type', async () => {
    const response = await get(`/api/cases/${caseId}/uploads`, 'officer');
    expect(response.status).toBe(200);
    expect(caseUploadsSchema.parse(await response.json()).uploads).toEqual([
      { id: 'u1', kind: 'languageRequirement', fileName: 'Språkbevis «B2».pdf', mediaType: 'application/pdf', size: 8, uploadedAt: '2026-12-06T11:00:00.000Z' },
    ]);
    const file = await get(`/api/cases/${caseId}/uploads/u1`, 'officer');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="Spr_kbevis _B2_.pdf"; filename*=UTF-8''${encodeURIComponent('Språkbevis «B2».pdf')}`,
    );
    expect(Buffer.from(await file.arrayBuffer()).toString()).toBe('%PDF-1.7');
  });

  it('answers 404 to staff who cannot see the case, to nominators, and for an unknown file; 400 for a bad id', async () => {
    for (const user of ['officer-oslomet', 'teacher', 'nominator']) {
      await errorOf(await get(`/api/cases/${caseId}/uploads`, user), 404);
      await errorOf(await get(`/api/cases/${caseId}/uploads/u1`, user), 404);
    }
    await errorOf(await get(`/api/cases/${caseId}/uploads/nope`, 'officer'), 404);
    await errorOf(await get(`/api/cases/${'x'.repeat(65)}/uploads`, 'officer'), 400);
  });
});
