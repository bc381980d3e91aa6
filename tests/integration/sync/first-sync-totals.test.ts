import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src-shared/domain/access';
import type { Sql } from '../../../src-server/db/database';
import { inSnapshot } from '../../../src-server/sync/pull';
import { SHARED_FOR_MS, visibleCasesForTotals } from '../../../src-server/sync/visible-cases';
import { followUpCase, scope } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let reads = 0;

/** `sql`, counting the reads of every case. */
const counting = (sql: Sql): Sql => ({
  query: (text, params, options) => {
    if (text.includes(`collection = 'cases' AND NOT deleted`)) reads += 1;
    return sql.query(text, params, options);
  },
  exec: (script) => sql.exec(script),
});
/** Runs `work` in one read-only snapshot, as a pull does, with reads counted. */
const inOneSnapshot = <T>(work: (sql: Sql) => Promise<T>) => inSnapshot(server.db, (tx) => work(counting(tx)));
const idsOf = (cases: ReadonlyMap<string, unknown>) => [...cases.keys()].sort();

const coordinator = (username: string, cohort: string) => server.addUser({ username, roles: ['cohortCoordinator'], scope: scope({ cohorts: [cohort] }) });
/** Stores a case of the cohort; its id. */
async function caseIn(cohort: string, by: Actor): Promise<string> {
  const stored = followUpCase(by.userId, { cohort });
  await server.db.query(`INSERT INTO sync_documents (collection, id, doc, case_id, subject_person_id) VALUES ('cases', $1, $2, $1, $3)`, [
    stored.id,
    JSON.stringify(stored),
    stored.subjectPersonId,
  ]);
  return stored.id;
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('the cases behind the first-sync progress totals', () => {
  it('are read once for first pulls with the same access in the same snapshot, and apart for another access', async () => {
    const [head, ola] = [await coordinator('head', 'ver-2025'), await coordinator('ola', 'spl-2025')];
    const [headsCase, olasCase] = [await caseIn('ver-2025', head), await caseIn('spl-2025', ola)];
    reads = 0;
    const [first, second, olas] = await inOneSnapshot((sql) =>
      Promise.all([visibleCasesForTotals(sql, head), visibleCasesForTotals(sql, head), visibleCasesForTotals(sql, ola)]),
    );
    expect([idsOf(first), idsOf(second), idsOf(olas)]).toEqual([[headsCase], [headsCase], [olasCase]]);
    expect(reads).toBe(2);
  });

  it('are read again in a snapshot that sees a later change', async () => {
    const kari = await coordinator('kari', 'kar-2025');
    const earlier = await caseIn('kar-2025', kari);
    reads = 0;
    expect(idsOf(await inOneSnapshot((sql) => visibleCasesForTotals(sql, kari)))).toEqual([earlier]);
    const later = await caseIn('kar-2025', kari);
    expect(idsOf(await inOneSnapshot((sql) => visibleCasesForTotals(sql, kari)))).toEqual([earlier, later].sort());
    expect(reads).toBe(2);
  });

  it(`are kept for ${SHARED_FOR_MS} ms at most`, async () => {
    const siv = await coordinator('siv', 'siv-2025');
    const own = await caseIn('siv-2025', siv);
    reads = 0;
    const now = Date.now();
    const answers = await inOneSnapshot(async (sql) => [
      await visibleCasesForTotals(sql, siv, now),
      await visibleCasesForTotals(sql, siv, now + SHARED_FOR_MS - 1),
      await visibleCasesForTotals(sql, siv, now + SHARED_FOR_MS),
    ]);
    expect(answers.map(idsOf)).toEqual([[own], [own], [own]]);
    expect(reads).toBe(2);
  });

  it('are read by the next pull when the shared reading failed', async () => {
    const per = await coordinator('per', 'per-2025');
    const own = await caseIn('per-2025', per);
    const [failed, next] = await inOneSnapshot((sql) => {
      // The same snapshot, but the read of the cases fails (as when that pull's connection is lost).
      const failing: Sql = {
        ...sql,
        query: (text, params) => (text.includes('sync_documents') ? Promise.reject(new Error('connection lost')) : sql.query(text, params)),
      };
      return Promise.allSettled([visibleCasesForTotals(failing, per), visibleCasesForTotals(sql, per)]);
    });
    expect(failed).toMatchObject({ status: 'rejected' });
    expect(next.status === 'fulfilled' && idsOf(next.value)).toEqual([own]);
  });
});
