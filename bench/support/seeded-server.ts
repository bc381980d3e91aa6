import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emit } from '../../scripts/bench';
import type { ActorScope, Role } from '../../src-shared/domain/access';
import type { AppOptions } from '../../src-server/app';
import { addUser } from '../../src-server/auth/accounts';
import { openDatabase } from '../../src-server/db/database';
import { migrate } from '../../src-server/db/migrate';
import { importDemoData } from '../../dev/server/import-demo-data';
import { INSTITUTION, type DemoData } from '../../dev/demo-data';
import { ServerProcess } from '../../tests/integration/sync/support/server-process';
import { dropTestSchema, TEST_PASSWORD, testDatabaseOptions } from '../../tests/integration/sync/support/test-server';

export type DbOptions = Pick<AppOptions, 'databaseUrl' | 'schema'>;
export type Engine = 'postgres' | 'pglite';

/** An account the seeding adds (password TEST_PASSWORD). */
export interface BenchAccount {
  username: string;
  name: string;
  roles: Role[];
  scope: ActorScope;
}

/** The scope of the sync benchmarks' cohort coordinators: the cohort `bench`. */
export const BENCH_COORDINATOR_SCOPE: ActorScope = { institution: INSTITUTION.id, departments: [], cohorts: ['bench'], partners: [] };

/** One reader who sees every case type institution-wide: a first sync of theirs pulls the whole demo data. */
export const BENCH_READER: BenchAccount = {
  username: 'reader',
  name: 'Bench Reader',
  roles: ['rector', 'caseOfficer', 'placementAdmin', 'operationsConsultant'],
  scope: { ...BENCH_COORDINATOR_SCOPE, cohorts: [] },
};

export const benchCredentials = (account: BenchAccount) => ({ username: account.username, password: TEST_PASSWORD });

/** A real server process (`npm run server`) on loopback, seeded; `close` kills it and removes its data (PGlite folder, PostgreSQL schema). */
export interface SeededServer {
  url: string;
  pid: number;
  engine: Engine;
  close(): Promise<void>;
}

/**
 * Seeds a fresh database on `dbOptions`' engine (PGlite in a temporary folder when there is no
 * `databaseUrl`) with `data` through the demo-data bulk import (`npm run admin -- demo-data`'s path)
 * and `accounts`, before the server starts (not measured; its seconds go to stderr), then starts the
 * server on it.
 */
export async function startSeededServer(dbOptions: DbOptions, data: DemoData, accounts: BenchAccount[]): Promise<SeededServer> {
  const engine: Engine = dbOptions.databaseUrl ? 'postgres' : 'pglite';
  const dataDir = dbOptions.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'saksflyt-bench-'));
  const removeData = async () => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await dropTestSchema(dbOptions);
  };
  let server: ServerProcess | undefined;
  try {
    const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
    const seeding = performance.now();
    const setup = await openDatabase({ ...dbOptions, dataDir });
    try {
      await migrate(setup);
      const importing = performance.now();
      const counts = await importDemoData(setup, data, { actorId: null, action: 'bench' });
      const imported = seconds(importing);
      for (const account of accounts) await addUser(setup, { ...account, password: TEST_PASSWORD });
      const documents = Object.values(counts).reduce((a, b) => a + b, 0);
      console.error(
        `seeding the server (${engine}): ${documents} documents (${data.cases.length} cases + ${data.notes.length} notes …) imported in ${imported} s; ` +
          `with creating the database and ${accounts.length} account(s), ${seconds(seeding)} s`,
      );
    } finally {
      await setup.close();
    }
    server = new ServerProcess(
      dbOptions.databaseUrl ? { DATABASE_URL: dbOptions.databaseUrl, DATABASE_SCHEMA: dbOptions.schema! } : { DATA_DIR: dataDir!, DATABASE_URL: '' },
    );
    const url = `http://127.0.0.1:${await server.start()}`;
    const started = server;
    return {
      url,
      pid: started.pid,
      engine,
      async close() {
        await started.kill();
        await removeData();
      },
    };
  } catch (error) {
    await server?.kill();
    await removeData();
    throw error;
  }
}

/**
 * Runs `measure` on the engine DATABASE_URL picks (PostgreSQL when it is set, else the embedded
 * PGlite), and then on PGlite too when that was PostgreSQL: PGlite's figures then carry `pglite-`
 * before their unit (e.g. `sync.push-50-clients.pglite-p99-ms`). `primary` tells the runs apart.
 */
export async function onEachEngine(emit: Emit, measure: (dbOptions: DbOptions, emit: Emit, primary: boolean) => Promise<void>): Promise<void> {
  const primary = testDatabaseOptions();
  await measure(primary, emit, true);
  if (primary.databaseUrl) await measure({}, (metric, value, unit) => emit(metric.replace(/\.([^.]+)$/, '.pglite-$1'), value, unit), false);
}
