import { describe, expect, it } from 'vitest';
import { createFakeIndexedDb, TEST_KEY } from '../../db/fake-indexeddb.test-helper';
import { seedDemoDataIfEmpty } from '../../db/seed-demo-data';
import { openDemoDatabase } from './demo-database';

const DEMO_KEY = 'demo-key-0123456789abcdef0123456789abcdef';
const seeded = async (key: string, storage: ReturnType<typeof createFakeIndexedDb>['storage']) => {
  const db = await openDemoDatabase(key, storage);
  const before = await db.cases.count().exec();
  await seedDemoDataIfEmpty(db, 10, new Date('2026-03-02T08:00:00Z'), () => undefined);
  await db.close();
  return before;
};

describe('the demo database', () => {
  it('keeps its data under its own key, and one made under an earlier key is made anew (generated data only)', async () => {
    const { storage } = createFakeIndexedDb();
    expect(await seeded(TEST_KEY, storage)).toBe(0);
    expect(await seeded(DEMO_KEY, storage)).toBe(0);
    expect(await seeded(DEMO_KEY, storage)).toBe(10);
  });
});
