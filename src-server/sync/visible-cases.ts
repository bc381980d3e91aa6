import { canSeeCase, type Actor } from '../../src-shared/domain/access';
import type { Case } from '../../src-shared/domain/case/case.schema';
import type { Sql } from '../db/database';
import { caseScopeOf, readFingerprint, type CaseScope } from './visibility';

/** How long one reading of the cases serves the totals of other first pulls with the same access. */
export const SHARED_FOR_MS = 10_000;

interface Reading {
  /** The database snapshot it was read in: another transaction with the same snapshot sees the same rows. */
  snapshot: string;
  cases: Promise<ReadonlyMap<string, CaseScope>>;
  until: number;
}

/** The last reading per access fingerprint. */
const readings = new Map<string, Reading>();

/**
 * All cases the actor may see in `sql`'s snapshot, by id: for the first-sync progress totals,
 * never for a decision on access. A first sync asks for every collection's first page at once,
 * and five of those totals need every case (reading and parsing 100,000 of them takes about 2.5 s,
 * each time): first pulls with the same access (user, roles, scope, read rules) and the same
 * database snapshot — nothing committed in between, so the same rows — share one reading for up
 * to SHARED_FOR_MS. The answer is shared: do not change it.
 */
export async function visibleCasesForTotals(sql: Sql, actor: Actor, now = Date.now()): Promise<ReadonlyMap<string, CaseScope>> {
  for (const [key, reading] of readings) if (reading.until <= now) readings.delete(key);
  const key = readFingerprint(actor);
  const [row] = await sql.query<{ snapshot: string }>('SELECT pg_current_snapshot()::text AS snapshot');
  const snapshot = row!.snapshot;
  const shared = readings.get(key);
  if (shared?.snapshot === snapshot) {
    try {
      return await shared.cases;
    } catch {
      // That pull's reading failed (its transaction, not the data): read in this one.
    }
  }
  const reading: Reading = { snapshot, cases: readVisibleCases(sql, actor), until: now + SHARED_FOR_MS };
  readings.set(key, reading);
  const forget = () => {
    if (readings.get(key) === reading) readings.delete(key);
  };
  reading.cases.catch(forget);
  // Let go of it on time also when no other first pull comes to look.
  setTimeout(forget, SHARED_FOR_MS).unref();
  return reading.cases;
}

async function readVisibleCases(sql: Sql, actor: Actor): Promise<ReadonlyMap<string, CaseScope>> {
  const rows = await sql.query<{ id: string; doc: string }>(`SELECT id, doc FROM sync_documents WHERE collection = 'cases' AND NOT deleted`);
  const visible = new Map<string, CaseScope>();
  for (const row of rows) {
    const scope = caseScopeOf(JSON.parse(row.doc) as Case);
    if (canSeeCase(actor, scope)) visible.set(row.id, scope);
  }
  return visible;
}
