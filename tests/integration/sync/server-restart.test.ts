import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../../src-server/auth/accounts';
import { openDatabase, type Database } from '../../../src-server/db/database';
import { migrate } from '../../../src-server/db/migrate';
import type { Session } from '../../../src-server/auth/sessions';
import { eventually, openLaptop, type Laptop } from './support/client';
import { followUpCase, scope } from './support/fixtures';
import { ServerProcess } from './support/server-process';
import { TcpProxy } from './support/tcp-proxy';
import { dropTestSchema, TEST_PASSWORD, testDatabaseOptions } from './support/test-server';

/**
 * The server process is killed (SIGKILL) in the middle of a push — once after it stored the change
 * but before the answer left, once before the request reached it — and started again. The laptop
 * retries on its own; the change ends up stored exactly once.
 */
const dbOptions = testDatabaseOptions();
const dataDir = dbOptions.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'saksflyt-restart-'));
const env: Record<string, string> = dbOptions.databaseUrl
  ? { DATABASE_URL: dbOptions.databaseUrl, DATABASE_SCHEMA: dbOptions.schema! }
  : { DATA_DIR: dataDir!, DATABASE_URL: '' };
const server = new ServerProcess(env);
let proxy: TcpProxy;
let url: string;
let laptop: Laptop;
let userId: string;

/** The server's database, opened from this process while the server is stopped (PGlite) or alongside it. */
async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ ...dbOptions, dataDir });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  userId = await withDatabase(async (db) => {
    await migrate(db);
    return (
      await addUser(db, { username: 'kari', name: 'Kari', password: TEST_PASSWORD, roles: ['cohortCoordinator'], scope: scope({ cohorts: ['spl-2025'] }) })
    ).id;
  });
  proxy = new TcpProxy(await server.start());
  url = await proxy.listen();
  const login = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'kari', password: TEST_PASSWORD }),
  });
  laptop = await openLaptop(url, (await login.json()) as Session, { retryTimeMs: 100 });
}, 120_000);

afterAll(async () => {
  await laptop?.close();
  await proxy?.close();
  await server.kill();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  await dropTestSchema(dbOptions);
});

const isCasePush = (request: string) => request.startsWith('POST /sync/cases/v0/push');

async function crashDuringPush(arm: (crash: () => void) => void) {
  let crashed!: () => void;
  const crash = new Promise<void>((resolve) => (crashed = resolve));
  arm(() => {
    proxy.hooks = {};
    void server.kill().then(crashed);
  });
  const c = followUpCase(userId);
  await laptop.db.cases.insert(c);
  await crash;
  await eventually(
    () => laptop.sync.status.online,
    (online) => !online,
  );
  expect(laptop.sync.status.unsyncedCount).toBe(1);
  await server.start();
  await eventually(
    () => laptop.sync.status.unsyncedCount,
    (count) => count === 0,
    30_000,
  );
  expect(await laptop.sync.syncNow()).toEqual({ ok: true });
  return c;
}

async function acceptedPushesOf(id: string): Promise<number> {
  await server.kill();
  const count = await withDatabase(async (db) => {
    const [row] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE document_id = $1 AND action = 'push' AND outcome = 'accepted'`,
      [id],
    );
    const [stored] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sync_documents WHERE collection = 'cases' AND id = $1`, [id]);
    expect(stored?.n).toBe(1);
    return row?.n ?? 0;
  });
  await server.start();
  return count;
}

describe('server killed during a push', () => {
  it('after storing the change but before answering: the retry is recognised and nothing is stored twice', async () => {
    const c = await crashDuringPush((crash) => {
      proxy.hooks.onServerData = (connection) => {
        if (!isCasePush(connection.lastRequest)) return;
        crash();
        connection.drop();
        return false;
      };
    });
    expect(await acceptedPushesOf(c.id)).toBe(1);
  });

  it('before the request reached it: the change is sent again and stored once', async () => {
    const c = await crashDuringPush((crash) => {
      proxy.hooks.onClientData = (connection, chunk) => {
        if (!isCasePush(chunk.toString('latin1', 0, 40))) return;
        crash();
        connection.drop();
        return false;
      };
    });
    expect(await acceptedPushesOf(c.id)).toBe(1);
  });
});
