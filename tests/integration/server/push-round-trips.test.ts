import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../src-server/auth/sessions';
import { openDatabase, type Database, type Sql } from '../../../src-server/db/database';
import { migrate } from '../../../src-server/db/migrate';
import { schemaVersionOf, type CollectionName } from '../../../src-shared/db/collections';
import { followUpCase, note } from '../sync/support/fixtures';
import { dropTestSchema, startTestServer, testDatabaseOptions, type TestServer } from '../sync/support/test-server';

/**
 * A push of one row is the common case under load: it runs without a savepoint, its live-stream
 * notification rides on the statement that writes the row, and the answer tells the server's own
 * time in a Server-Timing header. The statements are counted on the real database.
 */
const dbOptions = testDatabaseOptions();
let db: Database;
let server: TestServer;
let session: Session;
/** Statements run inside transactions, since `recording` was last set. */
let statements: string[] = [];
let recording = false;

function counted(inner: Database): Database {
  const wrap = (sql: Sql): Sql => ({
    query: (text, params) => {
      if (recording) statements.push(text);
      return sql.query(text, params);
    },
    exec: (script) => sql.exec(script),
  });
  return { ...inner, transaction: (work) => inner.transaction((tx) => work(wrap(tx))) };
}

beforeAll(async () => {
  db = await openDatabase(dbOptions);
  await migrate(db);
  server = await startTestServer({ db: counted(db) });
  await server.addUser({ username: 'koord', roles: ['cohortCoordinator'], scope: { institution: 'inst', departments: [], cohorts: ['c1'], partners: [] } });
  session = await server.login('koord');
});
afterAll(async () => {
  await server?.close();
  await db?.close();
  await dropTestSchema(dbOptions);
});

async function push(collection: CollectionName, doc: object) {
  const response = await fetch(`${server.url}/sync/${collection}/v${schemaVersionOf(collection)}/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ rows: [{ assumedMasterState: null, newDocumentState: { ...doc, _deleted: false } }] }),
  });
  return { response, body: (await response.json()) as { rejections: unknown[]; conflicts: unknown[]; revisions: Record<string, number> } };
}

describe('a push of one row', () => {
  it('is stored, notified and audited without a savepoint or a separate NOTIFY, and reports its server time', async () => {
    const own = followUpCase(session.user.userId, { cohort: 'c1', institution: 'inst' });
    expect((await push('cases', own)).body.rejections).toEqual([]);
    const heard: string[] = [];
    const unlisten = await db.listen(server.app.saksflyt.channels.changes, (payload) => heard.push(payload));

    const written = note(own.id, session.user.userId);
    statements = [];
    recording = true;
    const { response, body } = await push('notes', written);
    recording = false;

    expect(body).toMatchObject({ rejections: [], conflicts: [], revisions: { [written.id]: 1 } });
    expect(response.headers.get('server-timing')).toMatch(/^push;dur=\d+(\.\d)?$/);
    expect(statements.some((text) => /SAVEPOINT/i.test(text))).toBe(false);
    expect(statements.some((text) => /^\s*SELECT pg_notify/i.test(text))).toBe(false);
    expect(statements.filter((text) => /INSERT INTO audit_log/.test(text))).toHaveLength(1);
    await expect.poll(() => heard).toContain('notes');
    await unlisten();
  });
});
