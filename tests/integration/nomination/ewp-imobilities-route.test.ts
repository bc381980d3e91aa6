import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncErrorSchema } from '../../../src-shared/sync/sync-error.schema';
import { setIncomingStatus, storeEwpNominations } from '../../../src-server/case-types/nomination/ewp/ewp-nomination-store';
import { IMOBILITIES_GET_NAMESPACE } from '../../../src-server/case-types/nomination/ewp/imobilities-xml';
import { MAX_IMOBILITY_IDS } from '../../../src-server/case-types/nomination/ewp/imobilities.routes';
import { importAllOrNothing } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import type { Role } from '../../../src-shared/domain/access/roles';
import { validateOrgRows } from '../../../src-shared/domain/organisation/org-import-rows';
import { startTestServer, type TestServer } from '../sync/support/test-server';
import { generateMobilities, OUR_HEI, PARTNER_HEI } from '../../stand-ins/ewp-partner-server';

/**
 * GET|POST /ewp/imobilities/get: the partner reads back the incoming status of the nominations
 * imported here, in the shape of EWP's Incoming Mobilities get response (stable v1), signed in as
 * its nominator; it never reads another partner's.
 */
let server: TestServer;
let auth: { authorization: string };
let otherPartner: { authorization: string };
let staff: { authorization: string };
const [pending, verified, rejected] = generateMobilities(3);
const elsewhere = { ...generateMobilities(4)[3]!, receivingHei: { heiId: 'elsewhere.no' } };
const OTHER_HEI = 'other-partner.example';
const fromOther = { ...generateMobilities(5)[4]!, sendingHei: { ...generateMobilities(5)[4]!.sendingHei, heiId: OTHER_HEI } };

beforeAll(async () => {
  server = await startTestServer();
  const organisation = validateOrgRows(
    [
      { id: 'hvl', kind: 'institution', name: 'Høgskulen på Vestlandet' },
      { id: 'partner-a', kind: 'partner', name: 'Partner A', parentId: 'hvl', ewpHeiId: PARTNER_HEI },
      { id: 'partner-b', kind: 'partner', name: 'Partner B', parentId: 'hvl', ewpHeiId: OTHER_HEI },
    ],
    [],
    new Date().toISOString(),
  );
  if (!organisation.ok) throw new Error(JSON.stringify(organisation.problems));
  await importAllOrNothing(
    server.db,
    defaultSyncCollections().find((c) => c.name === 'organisation')!,
    organisation.units,
    { actorId: null, action: 'test' },
  );
  const bearer = async (username: string, roles: Role[], partners: string[]) => {
    await server.addUser({ username, roles, scope: { institution: 'hvl', departments: [], cohorts: [], partners } });
    return { authorization: `Bearer ${(await server.login(username)).accessToken}` };
  };
  auth = await bearer('nominator-a', ['nominator'], ['partner-a']);
  otherPartner = await bearer('nominator-b', ['nominator'], ['partner-b']);
  staff = await bearer('officer', ['caseOfficer'], []);
  await storeEwpNominations(server.db, [pending!, verified!, rejected!, elsewhere, fromOther], new Date('2026-12-06T10:00:00Z'));
  await setIncomingStatus(server.db, { sendingHeiId: PARTNER_HEI, omobilityId: verified!.omobilityId }, 'verified');
  await setIncomingStatus(
    server.db,
    { sendingHeiId: PARTNER_HEI, omobilityId: rejected!.omobilityId },
    'rejected',
    'The agreement covers Master’s studies & this is a PhD student.',
  );
});
afterAll(() => server?.close());

const ROUTE = '/ewp/imobilities/get';
const query = (params: [string, string][]) => `${ROUTE}?${new URLSearchParams(params).toString()}`;
const ask = (ids: string[], receiving = OUR_HEI): [string, string][] => [
  ['receiving_hei_id', receiving],
  ...ids.map((id): [string, string] => ['omobility_id', id]),
];
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => name === 'student-mobility-for-studies',
});

async function readResponse(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
  const root = parser.parse(await response.text())['imobilities-get-response'];
  expect(root['@xmlns']).toBe(IMOBILITIES_GET_NAMESPACE);
  return (root['student-mobility-for-studies'] ?? []) as { 'omobility-id': string; status: string; comment?: string }[];
}

describe('EWP Incoming Mobilities get', () => {
  it('answers each known mobility’s incoming status and comment, by GET', async () => {
    const response = await fetch(`${server.url}${query(ask([pending!.omobilityId, verified!.omobilityId, rejected!.omobilityId, 'unknown-id']))}`, {
      headers: auth,
    });
    expect(await readResponse(response)).toEqual(
      [
        { 'omobility-id': pending!.omobilityId, status: 'pending' },
        { 'omobility-id': verified!.omobilityId, status: 'verified' },
        { 'omobility-id': rejected!.omobilityId, status: 'rejected', comment: 'The agreement covers Master’s studies & this is a PhD student.' },
      ].sort((a, b) => a['omobility-id'].localeCompare(b['omobility-id'])),
    );
  });

  it('reads the parameters from a form body on POST', async () => {
    const response = await fetch(`${server.url}${ROUTE}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(ask([verified!.omobilityId])),
    });
    expect(await readResponse(response)).toEqual([{ 'omobility-id': verified!.omobilityId, status: 'verified' }]);
  });

  it('leaves out mobilities received by another HEI, and unknown ids, with an empty response', async () => {
    expect(await readResponse(await fetch(`${server.url}${query(ask([elsewhere.omobilityId, 'nope']))}`, { headers: auth }))).toEqual([]);
    expect(await readResponse(await fetch(`${server.url}${query(ask([pending!.omobilityId], 'elsewhere.no'))}`, { headers: auth }))).toEqual([]);
    expect(await readResponse(await fetch(`${server.url}${query(ask([elsewhere.omobilityId], 'elsewhere.no'))}`, { headers: auth }))).toEqual([
      { 'omobility-id': elsewhere.omobilityId, status: 'pending' },
    ]);
  });

  it.each([
    ['no receiving_hei_id', [['omobility_id', 'x']], /receiving_hei_id: give receiving_hei_id once/],
    [
      'two receiving_hei_id',
      [
        ['receiving_hei_id', 'a'],
        ['receiving_hei_id', 'b'],
        ['omobility_id', 'x'],
      ],
      /give receiving_hei_id once/,
    ],
    ['no omobility_id', [['receiving_hei_id', OUR_HEI]], /omobility_id: give at least one omobility_id/],
    [
      'more ids than max-omobility-ids',
      ask(Array.from({ length: MAX_IMOBILITY_IDS + 1 }, (_, n) => `id-${n}`)),
      new RegExp(`give at most ${MAX_IMOBILITY_IDS} omobility_id`),
    ],
  ] as [string, [string, string][], RegExp][])('answers 400 to %s', async (_what, params, message) => {
    const response = await fetch(`${server.url}${query(params)}`, { headers: auth });
    expect(response.status).toBe(400);
    expect(syncErrorSchema.parse(await response.json())).toMatchObject({ code: 'bad-request', message: expect.stringMatching(message) });
  });

  it.each([
    ['NUL in a value', 'receiving_hei_id=%00&omobility_id=x', 400, /must not contain NUL/],
    ['a receiving_hei_id over 255 characters', `receiving_hei_id=${'x'.repeat(256)}&omobility_id=x`, 400, /receiving_hei_id\.0: Too big/],
    ['a form that is no form', '%%%', 400, /give receiving_hei_id once/],
    ['a form over 64 kB', `omobility_id=${'x'.repeat(65 * 1024)}`, 413, /too large/],
  ])('answers a clear 4xx to a posted form with %s', async (_what, body, status, message) => {
    const response = await fetch(`${server.url}${ROUTE}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(response.status).toBe(status);
    expect(syncErrorSchema.parse(await response.json())).toMatchObject({ code: 'bad-request', message: expect.stringMatching(message) });
  });

  it('answers only a partner’s nominator, and only about what that partner sent', async () => {
    const ids = ask([pending!.omobilityId, fromOther.omobilityId]);
    expect(await readResponse(await fetch(`${server.url}${query(ids)}`, { headers: otherPartner }))).toEqual([
      { 'omobility-id': fromOther.omobilityId, status: 'pending' },
    ]);
    expect(await readResponse(await fetch(`${server.url}${query(ids)}`, { headers: auth }))).toEqual([
      { 'omobility-id': pending!.omobilityId, status: 'pending' },
    ]);
    expect((await fetch(`${server.url}${query(ids)}`)).status).toBe(401);
    const asStaff = await fetch(`${server.url}${query(ids)}`, { headers: staff });
    expect(asStaff.status).toBe(403);
    expect(syncErrorSchema.parse(await asStaff.json())).toMatchObject({ code: 'forbidden' });
  });

  it('answers 415 to a POST whose parameters are not a form', async () => {
    const response = await fetch(`${server.url}${ROUTE}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ receiving_hei_id: OUR_HEI, omobility_id: [pending!.omobilityId] }),
    });
    expect(response.status).toBe(415);
    expect(syncErrorSchema.parse(await response.json())).toMatchObject({
      code: 'bad-request',
      message: expect.stringContaining('application/x-www-form-urlencoded'),
    });
  });
});
