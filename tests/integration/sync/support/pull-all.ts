import { schemaVersionOf, type CollectionName } from '../../../../src-shared/db/collections';
import type { SyncTransport } from '../../../../src-renderer/sync/sync-transport';

/** Everything a pull from the beginning returns for a collection (what a fresh laptop receives). */
export async function pullAll(transport: SyncTransport, collection: string, version = schemaVersionOf(collection as CollectionName)) {
  const documents: Record<string, unknown>[] = [];
  const purged: string[] = [];
  let seq: string | undefined;
  for (;;) {
    const response = await transport.pull(collection, version, seq, 1000);
    documents.push(...response.documents);
    purged.push(...response.purged.map((entry) => entry.id));
    if (response.checkpoint) seq = response.checkpoint.seq;
    if (!response.hasMore) return { documents, purged, seq };
  }
}
