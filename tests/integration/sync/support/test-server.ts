import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import type { Actor, ActorScope, Role } from '../../../../src-shared/domain/access';
import { buildApp, type AppOptions } from '../../../../src-server/app';
import { addUser } from '../../../../src-server/auth/accounts';
import type { Session } from '../../../../src-server/auth/sessions';
import type { Database } from '../../../../src-server/db/database';
import { migrate } from '../../../../src-server/db/migrate';
import { migrations } from '../../../../src-server/db/migrations';
import { openPglite } from '../../../../src-server/db/pglite-database';

/**
 * A real server on 127.0.0.1 (port 0): PGlite in memory by default, PostgreSQL when DATABASE_URL
 * is set — then in a schema of its own, dropped at close, so parallel test files never collide.
 */
export interface TestServer {
  app: FastifyInstance;
  url: string;
  db: Database;
  engine: Database['engine'];
  addUser(input: { username: string; roles: Role[]; scope: ActorScope; name?: string; id?: string; email?: string }): Promise<Actor>;
  login(username: string, deviceId?: string): Promise<Session>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'correct horse battery';

export function testDatabaseOptions(): Pick<AppOptions, 'databaseUrl' | 'schema'> {
  const databaseUrl = process.env.DATABASE_URL;
  return databaseUrl ? { databaseUrl, schema: `t_${randomBytes(6).toString('hex')}` } : {};
}

export async function dropTestSchema(options: Pick<AppOptions, 'databaseUrl' | 'schema'>): Promise<void> {
  if (!options.databaseUrl || !options.schema) return;
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${options.schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * PGlite takes seconds to create a cluster; tests start from a migrated one dumped once per
 * machine (a file in the temp directory, keyed by the migrations).
 */
async function pgliteFromTemplate(): Promise<Database> {
  const key = createHash('sha256').update(JSON.stringify(migrations)).digest('hex').slice(0, 16);
  const file = join(tmpdir(), `saksflyt-pglite-template-${key}.tar.gz`);
  if (existsSync(file)) return openPglite(undefined, new Blob([readFileSync(file)]));
  const db = await openPglite(undefined);
  await migrate(db);
  const dump = Buffer.from(await (await db.dump()).arrayBuffer());
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, dump);
  renameSync(partial, file);
  return db;
}

export async function startTestServer(options: AppOptions = {}): Promise<TestServer> {
  const dbOptions = options.db ? {} : testDatabaseOptions();
  const ownDb = !options.db && !dbOptions.databaseUrl ? await pgliteFromTemplate() : undefined;
  const app = await buildApp({ ...dbOptions, ...(ownDb ? { db: ownDb } : {}), ...options });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const db = app.saksflyt.db;
  return {
    app,
    url,
    db,
    engine: db.engine,
    async addUser(input) {
      const user = await addUser(db, { name: input.name ?? input.username, password: TEST_PASSWORD, ...input });
      return { userId: user.id, name: user.name, roles: user.roles, scope: user.scope };
    },
    async login(username, deviceId) {
      const response = await fetch(`${url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: TEST_PASSWORD, deviceId, deviceName: `test ${username}` }),
      });
      if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
      return (await response.json()) as Session;
    },
    async close() {
      await app.close();
      await ownDb?.close();
      await dropTestSchema(dbOptions);
    },
  };
}
