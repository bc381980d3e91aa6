import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../../../src-server/app';
import { addUser } from '../../../../src-server/auth/accounts';
import type { Database } from '../../../../src-server/db/database';
import { migrate } from '../../../../src-server/db/migrate';
import { migrations } from '../../../../src-server/db/migrations';
import { openPglite } from '../../../../src-server/db/pglite-database';
import { importDemoData } from '../../../../dev/server/import-demo-data';
import { canSeeCase, type Actor } from '../../../../src-shared/domain/access';
import type { Case } from '../../../../src-shared/domain/case/case.schema';
import type { Note } from '../../../../src-shared/domain/note/note.schema';
import { DEMO_NOW, demoUsers, generateDemoData, type DemoData } from '../../../../dev/demo-data';

/** The demo data every e2e server starts with (the server's, not the app's local demo seed). */
export const SERVER_DEMO = { caseCount: 120, seed: 3 } as const;
export const DEMO_PASSWORD = 'demo-passord-2026';

/** Demo accounts the tests sign in with: a cohort coordinator, the head of the same department, a case officer, a partner's nominator (the portal) and the placement administrator. */
export const accounts = {
  coordinator: { userId: 'u-kullkoord-helse', username: 'ragnhild' },
  head: { userId: 'u-avdleder-helse', username: 'kjersti' },
  caseOfficer: { userId: 'u-studiekonsulent', username: 'hedda' },
  nominator: { userId: 'u-nominator-lindenhof', username: 'jurgen' },
  placementAdmin: { userId: 'u-praksisadmin', username: 'oyvind' },
} as const;
export type AccountName = keyof typeof accounts;

export const serverDemoData: DemoData = generateDemoData({ ...SERVER_DEMO, now: new Date(DEMO_NOW) });

export function actorOf(account: AccountName): Actor {
  const user = demoUsers().find((candidate) => candidate.userId === accounts[account].userId);
  if (!user) throw new Error(`No demo user ${accounts[account].userId}`);
  return { userId: user.userId, name: user.name, roles: user.roles, scope: user.scope };
}

/** The server's demo cases this account may see (what its replica must end up with). */
export function visibleCases(account: AccountName): Case[] {
  const actor = actorOf(account);
  return serverDemoData.cases.filter((c) => canSeeCase(actor, c));
}

/**
 * A real central server (src-server) on 127.0.0.1 with PGlite in a folder of its own. `stop()`
 * takes it off the network (the database stays); `start()` brings it back on the same port.
 */
export interface CentralServer {
  readonly url: string;
  readonly db: Database;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
  storedCase(id: string): Promise<Case | undefined>;
  /** The notes of a case the server holds, oldest first. */
  storedNotes(caseId: string): Promise<Note[]>;
  /** Accepted conflict-inbox picks the audit log holds for this document, oldest first. */
  resolutionAudits(documentId: string): Promise<{ actor_id: string; outcome: string }[]>;
}

/** `jobs`: the background jobs' settings, e.g. FS result exchange's adapter pointed at a stand-in (what RESULT_SOURCES_URL gives). */
export async function startCentralServer(dataDir: string, options: Pick<AppOptions, 'smtp' | 'jobs'> = {}): Promise<CentralServer> {
  const db = await openPglite(join(dataDir, 'pglite'), await demoTemplate());
  let app: FastifyInstance | undefined;
  let port = 0;
  const start = async () => {
    app = await buildApp({ db, ...options });
    const address = await app.listen({ port, host: '127.0.0.1' });
    port = Number(new URL(address).port);
  };
  await start();
  const stop = async () => {
    await app?.close();
    app = undefined;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    stop,
    start,
    async close() {
      await stop();
      await db.close();
    },
    async storedCase(id) {
      const [row] = await db.query<{ doc: StoredDoc }>(`SELECT doc FROM sync_documents WHERE collection = 'cases' AND id = $1`, [id]);
      return row ? (parsed(row.doc) as Case) : undefined;
    },
    async storedNotes(caseId) {
      const rows = await db.query<{ doc: StoredDoc }>(`SELECT doc FROM sync_documents WHERE collection = 'notes' AND case_id = $1`, [caseId]);
      return rows.map((row) => parsed(row.doc) as Note).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    resolutionAudits: (documentId) =>
      db.query(`SELECT actor_id, outcome FROM audit_log WHERE action = 'resolve-conflict' AND document_id = $1 AND outcome = 'accepted' ORDER BY id`, [
        documentId,
      ]),
  };
}

type StoredDoc = string | Record<string, unknown>;
const parsed = (doc: StoredDoc): unknown => (typeof doc === 'string' ? JSON.parse(doc) : doc);

/**
 * Migrations plus demo accounts and demo data, built once per machine and copied for each test
 * (PGlite needs seconds to create and migrate a cluster; argon2 hashing is slow by design).
 */
async function demoTemplate(): Promise<Blob> {
  const key = createHash('sha256')
    .update(JSON.stringify({ migrations, serverDemoData, accounts, DEMO_PASSWORD, v: 1 }))
    .digest('hex')
    .slice(0, 16);
  const file = join(tmpdir(), `saksflyt-e2e-sync-template-${key}.tar.gz`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const db = await openPglite(undefined);
  try {
    await migrate(db);
    for (const account of Object.keys(accounts) as AccountName[]) {
      const actor = actorOf(account);
      const email = demoUsers().find((user) => user.userId === actor.userId)?.email ?? '';
      await addUser(db, {
        id: actor.userId,
        username: accounts[account].username,
        name: actor.name,
        password: DEMO_PASSWORD,
        roles: actor.roles,
        scope: actor.scope,
        email,
      });
    }
    await importDemoData(db, serverDemoData);
    const dump = Buffer.from(await (await db.dump()).arrayBuffer());
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, dump);
    renameSync(partial, file);
    return new Blob([dump]);
  } finally {
    await db.close();
  }
}
