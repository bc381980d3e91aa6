import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../src-server/auth/sessions';
import { demoUsers, type DemoData } from '../../../dev/demo-data';
import { pullResponseSchema } from '../../../src-shared/sync/pull.schema';
import { pushResponseSchema } from '../../../src-shared/sync/push.schema';
import { schemaVersionOf, type CollectionName } from '../../../src-shared/db/collections';
import { addDemoAccount, importDemoData } from '../sync/support/demo';
import { note } from '../sync/support/fixtures';
import { startTestServer, type TestServer } from '../sync/support/test-server';

/**
 * NUL in pushed documents (found by bad-input.test.ts). PostgreSQL cannot hold NUL: in an id it
 * fails the statement, and as the escape `\u0000` in a stored document it fails every later read
 * that looks into the document's JSON (the first-sync count of people, for one). Push refuses
 * such a row alone (src-server/sync/push.ts).
 */

let server: TestServer;
let session: Session;
let data: DemoData;
const demoUser = demoUsers().find((user) => user.userId === 'u-kullkoord-helse')!;

beforeAll(async () => {
  server = await startTestServer();
  data = await importDemoData(server.db, 10);
  await addDemoAccount(server, demoUser);
  session = await server.login(demoUser.userId);
});
afterAll(() => server?.close());

const headers = () => ({ authorization: `Bearer ${session.accessToken}`, 'content-type': 'application/json' });
const pull = (collection: CollectionName) => fetch(`${server.url}/sync/${collection}/v${schemaVersionOf(collection)}/pull`, { headers: headers() });
async function push(collection: CollectionName, rows: unknown[]) {
  const response = await fetch(`${server.url}/sync/${collection}/v${schemaVersionOf(collection)}/push`, {
    method: 'POST',
    headers: headers(),
    body: JSON.stringify({ rows }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('NUL in pushed documents', () => {
  it('a NUL in one pushed id refuses that row only; the other rows are stored', async () => {
    const [caseDoc] = pullResponseSchema.parse(await (await pull('cases')).json()).documents;
    const good = note(String(caseDoc!.id), demoUser.userId);
    const answer = await push('notes', [
      { newDocumentState: { ...good, _deleted: false } },
      { newDocumentState: { ...good, id: 'note\u0000', _deleted: false } },
    ]);
    expect(answer.status).toBe(200);
    const body = pushResponseSchema.parse(answer.body);
    expect(body.rejections).toHaveLength(1);
    expect(Object.keys(body.revisions)).toEqual([good.id]);
  });

  it('a pushed document with NUL in a text refuses that row, so no stored document breaks a later first sync', async () => {
    const person = { ...data.people.find((candidate) => candidate.institution === demoUser.scope.institution)!, _deleted: false };
    const answer = await push('people', [{ assumedMasterState: person, newDocumentState: { ...person, givenName: 'Å\u0000se' } }]);
    expect(answer.status).toBe(200);
    expect(pushResponseSchema.parse(answer.body).rejections).toHaveLength(1);
    expect((await pull('people')).status).toBe(200);
  });
});
