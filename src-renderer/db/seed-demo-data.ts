import type { RxCollection } from 'rxdb';
import type { SaksflytDatabase } from './database';
import { DEMO_SEED } from './demo-options';

const CHUNK_SIZE = 2000;

/**
 * First start: fills an empty replica with demo data. Returns the number of cases inserted
 * (0 when the replica already holds cases). Inserts run in chunks so a large seed neither builds
 * one huge transaction nor blocks the page for long, and the collections fill side by side: while
 * one chunk waits for IndexedDB and Web Crypto (off the main thread), another one's JavaScript runs
 * (one after another, the page sat idle for a fifth of a 100,000-case fill). The directory a server
 * would publish (the organisation and the staff) and the demo partners' education offers are filled
 * in too, also into a replica seeded before they existed.
 */
export async function seedDemoDataIfEmpty(db: SaksflytDatabase, caseCount: number, now: Date, onSeeding?: (caseCount: number) => void): Promise<number> {
  // Whether each holds anything: one document each (IndexedDB counts by walking every record, 1.4 s for 100,000 cases on disk).
  const [cases, staff, units, offers] = await Promise.all([db.cases, db.staff, db.organisation, db.offers].map(holdsAny));
  if (cases && staff && units && offers) return 0;
  // Loaded only here: a normal start never downloads or parses the generator.
  const [demo, demoOffers] = await Promise.all([import('../../dev/demo-data'), import('../../dev/demo-data/offers')]);
  if (!staff) await insertInChunks(db.staff, demo.demoStaffMembers(now.toISOString()));
  if (!units) await insertInChunks(db.organisation, demo.demoOrganisation(now));
  if (!offers) await insertInChunks(db.offers, demoOffers.demoOffers(now));
  if (cases) return 0;
  onSeeding?.(caseCount);
  const data = demo.generateDemoData({ caseCount, seed: DEMO_SEED, now });
  // Nothing reads the replica before seeding ends, so no collection has to wait for another.
  await Promise.all([
    insertInChunks(db.people, data.people),
    insertInChunks(db.cases, data.cases),
    insertInChunks(db.notes, data.notes),
    insertInChunks(db.tasks, data.tasks),
    insertInChunks(db.documents, data.documents),
    insertInChunks(db.activities, data.activities),
  ]);
  return data.cases.length;
}

async function holdsAny(collection: RxCollection): Promise<boolean> {
  return (await collection.findOne().exec()) !== null;
}

async function insertInChunks<T>(collection: RxCollection<T>, docs: readonly T[]): Promise<void> {
  for (let start = 0; start < docs.length; start += CHUNK_SIZE) {
    const { error } = await collection.bulkInsert(docs.slice(start, start + CHUNK_SIZE));
    if (error.length) {
      throw new Error(`Seeding ${collection.name} failed for ${error.length} documents (first: ${error[0]?.documentId ?? '?'})`);
    }
  }
}
