import { afterAll, beforeAll } from 'vitest';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { SaksflytDatabase } from '../../db/database';
import { openTestDatabase } from '../../db/fake-indexeddb.test-helper';

/** A replica holding `cases` for the tests of the calling suite: opened before them, closed after. */
export function replicaWithCases(cases: readonly Case[]): () => SaksflytDatabase {
  let db: SaksflytDatabase;
  beforeAll(async () => {
    db = (await openTestDatabase()).db;
    await db.cases.bulkInsert([...cases]);
  });
  afterAll(() => db.close());
  return () => db;
}
