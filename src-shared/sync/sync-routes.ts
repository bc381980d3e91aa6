/** URL paths of the replication endpoints; the schema version is part of every path. */
export type SyncOperation = 'pull' | 'push' | 'stream' | 'reconcile';

export function syncPath(collection: string, version: number, operation: SyncOperation): string {
  return `/sync/${encodeURIComponent(collection)}/v${version}/${operation}`;
}

/** The shared stream of several collections: `/sync/stream?collections=cases.v0,notes.v0`. */
export function sharedStreamPath(collections: readonly { name: string; version: number }[]): string {
  return `/sync/stream?collections=${collections.map(({ name, version }) => `${encodeURIComponent(name)}.v${version}`).join(',')}`;
}
