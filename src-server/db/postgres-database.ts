import pg from 'pg';
import { RECONNECTED, type Database, type DatabaseOptions, type Sql } from './database';

// int8 (bigint) as JS number: our sequences stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

const identifier = /^[a-z_][a-z0-9_]{0,62}$/;

/** PostgreSQL through a `pg` pool; LISTEN uses one dedicated connection. */
export async function openPostgres(url: string, options: DatabaseOptions): Promise<Database> {
  const schema = options.schema;
  if (schema !== undefined && !identifier.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await admin.end();
    }
  }
  const config = {
    connectionString: url,
    max: options.maxConnections ?? 20,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  };
  const pool = new pg.Pool(config);
  // An idle client losing its connection must not crash the server.
  pool.on('error', () => undefined);

  let listener: pg.Client | undefined;
  let closed = false;
  const handlers = new Map<string, Set<(payload: string) => void>>();

  // One connection LISTENs for the whole process; when it drops it is opened again (every second
  // until it works) and every handler hears RECONNECTED, since notifications may have been missed.
  const connectListener = async (): Promise<pg.Client> => {
    const client = new pg.Client(config);
    client.on('error', () => undefined);
    client.on('notification', (message) => {
      for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    client.on('end', () => {
      if (closed || listener !== client) return;
      listener = undefined;
      const retry = () =>
        void connectListener()
          .then(async (next) => {
            listener = next;
            for (const channel of handlers.keys()) await next.query(`LISTEN ${channel}`);
            for (const set of handlers.values()) for (const handler of set) handler(RECONNECTED);
          })
          .catch(() => setTimeout(retry, 1000));
      setTimeout(retry, 1000);
    });
    await client.connect();
    return client;
  };

  return {
    engine: 'postgres',
    query: async (text, params, options) => (await pool.query({ text, values: params, name: options?.prepare })).rows,
    exec: async (script) => {
      await pool.query(script);
    },
    transaction: async (work) => {
      const client = await pool.connect();
      const sql: Sql = {
        query: async (text, params, options) => (await client.query({ text, values: params, name: options?.prepare })).rows,
        exec: async (script) => {
          await client.query(script);
        },
      };
      try {
        await client.query('BEGIN');
        const result = await work(sql);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    listen: async (channel, onMessage) => {
      if (!identifier.test(channel)) throw new Error(`Invalid channel name: ${channel}`);
      listener ??= await connectListener();
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await listener.query(`LISTEN ${channel}`);
      }
      set.add(onMessage);
      return async () => {
        set.delete(onMessage);
      };
    },
    close: async () => {
      closed = true;
      await listener?.end().catch(() => undefined);
      await pool.end();
    },
  };
}
