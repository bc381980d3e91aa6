/**
 * The one small query interface the server uses, implemented by PGlite (embedded default) and
 * PostgreSQL (production). SQL is written once, in the PostgreSQL dialect both engines speak.
 */
export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[], options?: QueryOptions): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface QueryOptions {
  /**
   * Prepares the statement once per connection under this name and reuses it (PostgreSQL; PGlite
   * ignores it): for hot statements whose text never varies (one name, one text).
   */
  prepare?: string;
}

export interface Database extends Sql {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /**
   * Subscribes to NOTIFY on `channel`; returns the unsubscribe function. After the listening
   * connection was lost and restored, `onMessage` gets RECONNECTED (notifications may be missed).
   */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent, PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; when absent, PGlite keeps everything in memory. */
  dataDir?: string;
  /** PostgreSQL schema to work in (created when missing), e.g. to isolate tests. */
  schema?: string;
  /** PostgreSQL pool size. */
  maxConnections?: number;
}

export const RECONNECTED = '*reconnected*';

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const { openPostgres } = await import('./postgres-database');
    return openPostgres(options.databaseUrl, options);
  }
  const { openPglite } = await import('./pglite-database');
  return openPglite(options.dataDir);
}

/**
 * Channel names are database-wide in PostgreSQL: they carry the schema so tenants stay apart.
 * SQL that notifies builds the same name with `'<base>_' || current_schema()`.
 */
export function channelName(base: string, schema: string | undefined): string {
  return `${base}_${schema ?? 'public'}`;
}
