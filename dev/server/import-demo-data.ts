import type { Database } from '../../src-server/db/database';
import { importDocuments, type ImportAudit } from '../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../src-server/sync/sync-collections';
import type { DemoData } from '../demo-data';

/**
 * Stores a demo data set (every collection it has; the staff directory comes from the accounts),
 * as `npm run admin -- demo-data` does. Returns how many documents each collection got.
 */
export async function importDemoData(
  db: Database,
  data: DemoData,
  audit: ImportAudit = { actorId: null, action: 'demo-data' },
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const collection of defaultSyncCollections()) {
    if (!(collection.name in data)) continue;
    const documents = data[collection.name as keyof DemoData] as unknown as Record<string, unknown>[];
    counts[collection.name] = await importDocuments(db, collection, documents, audit);
  }
  return counts;
}
