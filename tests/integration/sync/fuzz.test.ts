import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import { syncErrorSchema } from '../../../src-shared/sync/sync-error.schema';
import { DEMO_STUDENT_ID, type DemoData } from '../../../dev/demo-data';
import type { Session } from '../../../src-server/auth/sessions';
import { importDemoData } from './support/demo';
import { scope } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

/**
 * Fuzzed pull and push requests from a signed-in user who may change nothing: every answer is a
 * clear 2xx/4xx (never a 5xx or a dropped connection), and no stored row changes or breaks.
 */
let server: TestServer;
let session: Session;
let data: DemoData;
let before: Map<string, string>;
const collections = defaultSyncCollections();

const snapshot = async () =>
  new Map(
    (await server.db.query<{ collection: string; id: string; doc: string; deleted: boolean }>('SELECT collection, id, doc, deleted FROM sync_documents')).map(
      (row) => [`${row.collection}/${row.id}`, `${row.deleted}:${row.doc}`],
    ),
  );

beforeAll(async () => {
  server = await startTestServer();
  data = await importDemoData(server.db, 20);
  await server.addUser({ id: DEMO_STUDENT_ID, username: 'student', roles: ['student'], scope: scope({ institution: 'hifj' }) });
  session = await server.login('student');
  before = await snapshot();
});
afterAll(() => server.close());

async function send(method: 'GET' | 'POST', path: string, body?: string) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${session.accessToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body,
  });
  const text = await response.text();
  return { status: response.status, text };
}

function expectClearAnswer({ status, text }: { status: number; text: string }) {
  expect(status).toBeLessThan(500);
  const json = JSON.parse(text) as unknown;
  if (status >= 400) expect(syncErrorSchema.safeParse(json).success).toBe(true);
}

const collectionName = fc.constantFrom(...collections.map((c) => c.name), 'conflicts', 'nope', '');
const version = fc.oneof(fc.constant('0'), fc.constant('1'), fc.string({ maxLength: 6 }).map(encodeURIComponent));
const realDocument = () => fc.constantFrom(...data.cases, ...data.notes, ...data.people) as fc.Arbitrary<Record<string, unknown>>;
const mutated = () =>
  realDocument().chain((doc) =>
    fc
      .record({ key: fc.constantFrom(...Object.keys(doc), 'extra', '_deleted', 'id'), value: fc.jsonValue() })
      .map(({ key, value }) => ({ _deleted: false, ...doc, [key]: value })),
  );
const row = () =>
  fc.record(
    {
      assumedMasterState: fc.oneof(
        fc.constant(null),
        mutated(),
        realDocument().map((doc) => ({ ...doc, _deleted: false })),
        fc.jsonValue(),
      ),
      newDocumentState: fc.oneof(mutated(), fc.jsonValue()),
      context: fc.oneof(fc.jsonValue(), fc.record({ onBehalfOf: fc.string(), resolvesConflict: fc.string() })),
    },
    { requiredKeys: [] },
  );
const pushBody = () =>
  fc.oneof(
    fc.record({ rows: fc.array(row(), { maxLength: 8 }) }).map((body) => JSON.stringify(body)),
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc.string(),
    fc.constantFrom('{', '[', '{"rows":', '{"rows":[{"newDocumentState":', 'null', '""', '{"rows":[]}'),
  );

describe('fuzzed sync requests', () => {
  it('answers fuzzed pushes with a clear status and stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(collectionName, version, pushBody(), async (collection, v, body) => {
        expectClearAnswer(await send('POST', `/sync/${encodeURIComponent(collection)}/v${v}/push`, body));
      }),
      { numRuns: 150 },
    );
  });

  it('answers fuzzed pulls and reconciles with a clear status', async () => {
    const query = fc.dictionary(fc.constantFrom('seq', 'batchSize', 'x', ''), fc.oneof(fc.string(), fc.integer().map(String)), { maxKeys: 3 });
    await fc.assert(
      fc.asyncProperty(collectionName, version, query, fc.jsonValue(), async (collection, v, params, reconcile) => {
        const path = `/sync/${encodeURIComponent(collection)}/v${v}`;
        expectClearAnswer(await send('GET', `${path}/pull?${new URLSearchParams(params)}`));
        expectClearAnswer(await send('POST', `${path}/reconcile`, JSON.stringify(reconcile)));
      }),
      { numRuns: 150 },
    );
  });

  it('leaves every stored row as it was, and the server healthy', async () => {
    expect(await snapshot()).toEqual(before);
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    for (const [key, value] of await snapshot()) {
      const [collection] = key.split('/');
      const schema = collections.find((c) => c.name === collection)!.schema.strict();
      expect(schema.safeParse(JSON.parse(value.slice(value.indexOf(':') + 1))).success).toBe(true);
    }
  });
});
