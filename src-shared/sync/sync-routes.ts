/** URL paths of the replication endpoints; the schema version is part of every path. */
export type SyncOperation = 'pull' | 'push' | 'stream' | 'reconcile';

export function syncPath(collection: string, version: number, operation: SyncOperation): string {
  return `/sync/${encodeURIComponent(collection)}/v${version}/${operation}`;
}
