import type { Database } from './database';
import { migrations as allMigrations, type Migration } from './migrations';

/**
 * Applies the migrations not applied yet, in one transaction, under an advisory lock so that
 * several server instances starting at once do not race. Returns the ids it applied.
 */
export async function migrate(db: Database, migrations: Migration[] = allMigrations): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':saksflyt-migrate'))`);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await tx.query<{ id: string }>('SELECT id FROM schema_migrations')).map((row) => row.id));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
      applied.push(migration.id);
    }
    return applied;
  });
}
