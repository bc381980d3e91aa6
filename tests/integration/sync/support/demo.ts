import { generateDemoData, type DemoData } from '../../../../src-shared/domain/demo-data';
import type { Database } from '../../../../src-server/db/database';
import { importDocuments } from '../../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../../src-server/sync/sync-collections';

/** Stores the shared demo data set on the server, as `npm run admin -- demo-data` does. */
export async function importDemoData(db: Database, caseCount: number, seed = 7): Promise<DemoData> {
  const data = generateDemoData({ caseCount, seed });
  for (const collection of defaultSyncCollections()) {
    const documents = data[collection.name as keyof DemoData] as unknown as Record<string, unknown>[];
    await importDocuments(db, collection, documents, { actorId: null, action: 'demo-data' });
  }
  return data;
}
