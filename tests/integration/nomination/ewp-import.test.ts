import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ewpNominationSchema, type EwpNomination } from '../../../src-shared/domain/nomination/ewp-nomination';
import { setIncomingStatus } from '../../../src-server/case-types/nomination/ewp/ewp-nomination-store';
import { importEwpMobilities, type EwpImportOptions } from '../../../src-server/case-types/nomination/ewp/import-ewp-mobilities';
import { MAX_EWP_FILE_BYTES } from '../../../src-server/case-types/nomination/ewp/validate-ewp-xml';
import { startTestServer, type TestServer } from '../sync/support/test-server';
import { generateMobilities, OUR_HEI, SCHEMA_BREAKING_STATUS, startEwpPartnerStandIn, type EwpPartnerStandIn } from '../../stand-ins/ewp-partner-server';

/**
 * The EWP import over real HTTP from the stand-in partner into the server's real database
 * (PGlite, or PostgreSQL with DATABASE_URL): index, get in files of maxOmobilityIds, each file
 * validated against omob-get.xsd, mapped and stored idempotently by omobility id.
 */
const COUNT = 25;
const FILE_SIZE = 10;
const FIRST = new Date('2026-12-06T10:00:00.000Z');
const LATER = new Date('2026-12-07T10:00:00.000Z');

let server: TestServer;
let partner: EwpPartnerStandIn;
let mobilities: EwpNomination[];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());
beforeEach(async () => {
  await server.db.query('DELETE FROM ewp_nominations');
  mobilities = generateMobilities(COUNT);
  partner = await startEwpPartnerStandIn({ mobilities, maxOmobilityIds: FILE_SIZE });
});
afterEach(() => partner.close());

const importNow = (now = FIRST, options: Partial<EwpImportOptions> = {}) =>
  importEwpMobilities({
    db: server.db,
    partnerUrl: partner.url,
    sendingHeiId: partner.sendingHeiId,
    receivingHeiId: OUR_HEI,
    maxOmobilityIds: FILE_SIZE,
    now: () => now,
    ...options,
  });

interface Row {
  omobility_id: string;
  sending_hei_id: string;
  receiving_hei_id: string;
  draft: EwpNomination;
  incoming_status: string;
  imported_at: Date;
  updated_at: Date;
}
const stored = () => server.db.query<Row>('SELECT * FROM ewp_nominations ORDER BY omobility_id');
const byId = async () => new Map((await stored()).map((row) => [row.omobility_id, row]));

describe('EWP import from a partner', () => {
  it('stores one pending draft per mobility, asking the index once and get in files of maxOmobilityIds', async () => {
    const result = await importNow();
    expect(result).toEqual({ listed: COUNT, created: COUNT, updated: 0, unchanged: 0, refused: [] });

    const rows = await stored();
    expect(rows.map((row) => row.draft)).toEqual(mobilities.map((mobility) => ewpNominationSchema.parse(mobility)));
    for (const row of rows) {
      expect(row).toMatchObject({ sending_hei_id: partner.sendingHeiId, receiving_hei_id: OUR_HEI, incoming_status: 'pending' });
      expect(new Date(row.imported_at).toISOString()).toBe(FIRST.toISOString());
    }

    expect(partner.requests.map((request) => `${request.method} ${request.endpoint}`)).toEqual(['POST index', 'POST get', 'POST get', 'POST get']);
    expect(partner.requests[0]!.params).toEqual({ sending_hei_id: [partner.sendingHeiId], receiving_hei_id: [OUR_HEI] });
    const asked = partner.requests.slice(1).map((request) => request.params.omobility_id!);
    expect(asked.map((ids) => ids.length)).toEqual([10, 10, 5]);
    expect(asked.flat()).toEqual(mobilities.map((mobility) => mobility.omobilityId));
  });

  it('changes nothing when the same data is imported again', async () => {
    await importNow();
    const before = await stored();
    expect(await importNow(LATER)).toEqual({ listed: COUNT, created: 0, updated: 0, unchanged: COUNT, refused: [] });
    expect(await stored()).toEqual(before);
  });

  it('updates the draft of a mobility the partner changed, and keeps its incoming status', async () => {
    await importNow();
    const changed = mobilities[7]!;
    expect(await setIncomingStatus(server.db, { sendingHeiId: partner.sendingHeiId, omobilityId: changed.omobilityId }, 'verified')).toBe(true);
    partner.setMobility({ ...changed, student: { ...changed.student, email: 'new.address@student.uw.edu.pl' }, status: 'live' });

    expect(await importNow(LATER)).toEqual({ listed: COUNT, created: 0, updated: 1, unchanged: COUNT - 1, refused: [] });
    const rows = await byId();
    const row = rows.get(changed.omobilityId)!;
    expect(row.draft).toMatchObject({ status: 'live', student: { email: 'new.address@student.uw.edu.pl' } });
    expect(row.incoming_status).toBe('verified');
    expect(new Date(row.imported_at).toISOString()).toBe(FIRST.toISOString());
    expect(new Date(row.updated_at).toISOString()).toBe(LATER.toISOString());
    expect(new Date(rows.get(mobilities[6]!.omobilityId)!.updated_at).toISOString()).toBe(FIRST.toISOString());
  });

  it('adds a mobility the partner nominated since the last import', async () => {
    await importNow();
    const [extra] = generateMobilities(COUNT + 1).slice(COUNT);
    partner.setMobility(extra!);
    expect(await importNow(LATER)).toMatchObject({ listed: COUNT + 1, created: 1, updated: 0, unchanged: COUNT });
    expect((await byId()).get(extra!.omobilityId)?.draft).toEqual(ewpNominationSchema.parse(extra));
  });

  it('refuses files that break the schema with the schema error, and stores nothing of them', async () => {
    partner.breakSchema('all');
    const result = await importNow();
    expect(result).toMatchObject({ listed: COUNT, created: 0, updated: 0, unchanged: 0 });
    expect(result.refused.map((refused) => refused.omobilityIds.length)).toEqual([10, 10, 5]);
    for (const refused of result.refused) {
      expect(refused.errors).toEqual([
        { line: expect.any(Number), message: expect.stringContaining(`Element 'status': [facet 'enumeration'] The value '${SCHEMA_BREAKING_STATUS}'`) },
      ]);
    }
    expect(await stored()).toEqual([]);
  });

  it('refuses only the file holding a broken mobility; the other files are stored', async () => {
    const bad = mobilities[13]!.omobilityId;
    partner.breakSchema([bad]);
    const result = await importNow();
    expect(result).toMatchObject({ listed: COUNT, created: COUNT - FILE_SIZE, updated: 0, unchanged: 0 });
    expect(result.refused).toEqual([
      { omobilityIds: mobilities.slice(10, 20).map((mobility) => mobility.omobilityId), errors: [expect.objectContaining({ line: expect.any(Number) })] },
    ]);
    const ids = [...(await byId()).keys()];
    expect(ids).toHaveLength(COUNT - FILE_SIZE);
    expect(ids).not.toContain(bad);
  });

  it('refuses a mobility the partner sends for another sending HEI, and one that does not map', async () => {
    const foreign = { ...mobilities[2]!, sendingHei: { heiId: 'someone-else.eu' } };
    const unmappable = { ...mobilities[3]!, student: { ...mobilities[3]!.student, email: 'x@y.z' } };
    partner.setMobility(foreign);
    partner.setMobility(unmappable);
    const result = await importNow();
    expect(result).toMatchObject({ listed: COUNT, created: COUNT - 2 });
    expect(result.refused).toEqual([
      { omobilityIds: [unmappable.omobilityId], errors: [{ line: null, message: expect.stringMatching(/^student\.email: /) }] },
      {
        omobilityIds: [foreign.omobilityId],
        errors: [{ line: null, message: `Not imported: its sending HEI is someone-else.eu, not the partner ${partner.sendingHeiId}` }],
      },
    ]);
    expect((await byId()).has(foreign.omobilityId)).toBe(false);
  });

  it('imports nothing when the partner lists no mobility for this institution', async () => {
    expect(await importNow(FIRST, { receivingHeiId: 'elsewhere.no' })).toEqual({ listed: 0, created: 0, updated: 0, unchanged: 0, refused: [] });
    expect(partner.requests.map((request) => request.endpoint)).toEqual(['index']);
  });

  it('fails with an external error when the partner does not answer or refuses the request', async () => {
    await expect(importNow(FIRST, { maxOmobilityIds: FILE_SIZE + 1 })).rejects.toMatchObject({
      kind: 'external',
      message: expect.stringMatching(/omobilities get .* answered HTTP 400/),
    });
    // An answer without a length that never ends is read no further than the limit.
    const chunk = ' '.repeat(64 * 1024);
    await withRawPartner(
      (response) => {
        const write = () => {
          while (!response.destroyed && response.write(chunk));
          if (!response.destroyed) response.once('drain', write);
        };
        write();
      },
      (url) =>
        expect(importNow(FIRST, { partnerUrl: url })).rejects.toMatchObject({
          kind: 'external',
          message: expect.stringMatching(new RegExp(`index .* did not answer: the answer is larger than ${MAX_EWP_FILE_BYTES} bytes$`)),
        }),
    );
    const gone = await startEwpPartnerStandIn();
    await gone.close();
    await expect(importNow(FIRST, { partnerUrl: gone.url })).rejects.toMatchObject({
      kind: 'external',
      message: `The partner's omobilities index (${gone.url}/index) did not answer: ECONNREFUSED`,
    });
  });
});

describe('a partner index that is not one', () => {
  it.each([
    ['another document', '<html><body>Maintenance</body></html>', /is not an index response: omobilities-index-response: /],
    [
      'an index with a bad id',
      '<omobilities-index-response><omobility-id>not an id</omobility-id></omobilities-index-response>',
      /omobility-id\.0: Must be 1–64 printable ASCII/,
    ],
    [
      'XML the parser refuses',
      '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
      /is not an index response: External entities are not supported/,
    ],
  ])('fails with an external error on %s', async (_what, body, message) => {
    await withRawPartner(
      (response) => response.end(body),
      (url) => expect(importNow(FIRST, { partnerUrl: url })).rejects.toMatchObject({ kind: 'external', message: expect.stringMatching(message) }),
    );
    expect(await stored()).toEqual([]);
  });
});

/** A partner that answers every request with `answer`, for `use` to call at its URL. */
async function withRawPartner(answer: (response: ServerResponse) => void, use: (url: string) => Promise<unknown>): Promise<void> {
  const raw = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/xml' });
    answer(response);
  });
  await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
  try {
    await use(`http://127.0.0.1:${(raw.address() as AddressInfo).port}`);
  } finally {
    raw.closeAllConnections();
    raw.close();
  }
}
