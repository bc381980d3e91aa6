import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type Sql } from '../../../src-server/db/database';
import { migrate } from '../../../src-server/db/migrate';
import { HttpError } from '../../../src-server/http/http-error';
import { decodeCheckpoint, encodeCheckpoint, FEED_START, positionOf, readFeed, type FeedPosition } from '../../../src-server/sync/change-feed';
import { dropTestSchema, testDatabaseOptions } from '../sync/support/test-server';

/**
 * The change feed must never let a reader move past a row that commits later (commit order ≠
 * sequence order under concurrent writers). On PostgreSQL this is tested with transactions held
 * open in a chosen order; PGlite has a single session, so there it is tested that writers are
 * serialized (which is what makes the same feed safe there).
 */
const options = testDatabaseOptions();
let db: Database;

beforeAll(async () => {
  db = await openDatabase({ ...options, maxConnections: 20 });
  await migrate(db);
});
afterAll(async () => {
  await db.close();
  await dropTestSchema(options);
});

const insert = (sql: Sql, id: string) =>
  sql.query(`INSERT INTO sync_documents (collection, id, doc) VALUES ('feed-test', $1, $2)`, [id, JSON.stringify({ id })]);

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

async function readAll(after: FeedPosition): Promise<{ ids: string[]; position: FeedPosition }> {
  const rows = await readFeed(db, 'feed-test', after, 10_000);
  return { ids: rows.map((row) => row.id), position: rows.length ? positionOf(rows.at(-1)!) : after };
}

describe('change feed under concurrent writers', () => {
  it('holds back rows committed before an older transaction that is still running', async () => {
    await db.query(`DELETE FROM sync_documents WHERE collection = 'feed-test'`);
    const first = gate();
    const firstStarted = gate();
    const slow = db.transaction(async (tx) => {
      await insert(tx, 'slow'); // takes its xid and seq first …
      firstStarted.open();
      await first.opened; // … and commits last
    });
    await firstStarted.opened;
    const fast = db.transaction((tx) => insert(tx, 'fast'));

    if (db.engine === 'postgres') {
      await fast; // committed while `slow` is still open
      const early = await readAll(FEED_START);
      expect(early.ids).toEqual([]); // a sequence-only reader would have returned "fast" and skipped "slow"
      first.open();
      await slow;
      const late = await readAll(early.position);
      expect(late.ids).toEqual(['slow', 'fast']);
    } else {
      // PGlite: the second writer cannot commit while the first transaction is open.
      const order: string[] = [];
      void fast.then(() => order.push('fast'));
      await new Promise((resolve) => setTimeout(resolve, 200));
      order.push('released');
      first.open();
      await Promise.all([slow, fast]);
      expect(order).toEqual(['released', 'fast']);
      expect((await readAll(FEED_START)).ids).toEqual(['slow', 'fast']);
    }
  });

  it('a reader polling during many concurrent writers sees every row exactly once', async () => {
    await db.query(`DELETE FROM sync_documents WHERE collection = 'feed-test'`);
    const writers = 8;
    const perWriter = 25;
    let done = false;
    const seen: string[] = [];
    const reader = (async () => {
      let position = FEED_START;
      for (;;) {
        const finished = done;
        const batch = await readAll(position);
        seen.push(...batch.ids);
        position = batch.position;
        if (finished && !batch.ids.length) return;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    await Promise.all(
      Array.from({ length: writers }, (_, writer) =>
        (async () => {
          for (let n = 0; n < perWriter; n++) {
            await db.transaction(async (tx) => {
              await insert(tx, `w${writer}-${n}`);
              await new Promise((resolve) => setTimeout(resolve, Math.random() * 8));
            });
          }
        })(),
      ),
    );
    done = true;
    await reader;
    expect(seen).toHaveLength(writers * perWriter);
    expect(new Set(seen).size).toBe(writers * perWriter);
  });
});

describe('checkpoints', () => {
  const fingerprint = '0a1b2c3d';
  const refused = (seq: string) => {
    try {
      decodeCheckpoint(seq);
    } catch (error) {
      return error instanceof HttpError ? `${error.status} ${error.message}` : String(error);
    }
    return 'accepted';
  };

  it('reads back every position the feed can issue, up to the largest txid and seq', () => {
    for (const position of [FEED_START, { txid: '9223372036854775807', seq: Number.MAX_SAFE_INTEGER }]) {
      expect(decodeCheckpoint(encodeCheckpoint(position, fingerprint).seq)).toEqual({ position, fingerprint });
    }
  });

  it('refuses numbers beyond the feed with a 400 before they reach the database', () => {
    for (const seq of [
      `9223372036854775808.1.${fingerprint}`, // txid beyond bigint
      `18446744073709551616.1.${fingerprint}`, // txid beyond 64 bits
      `99999999999999999999.1.${fingerprint}`,
      `1.9007199254740992.${fingerprint}`, // seq beyond JS safe integers: would round to another position
      `1.99999999999999999999.${fingerprint}`,
      `1.1.${fingerprint}\u0000`,
      `-1.1.${fingerprint}`,
    ]) {
      expect(refused(seq), seq).toBe('400 Invalid checkpoint: not one this server issued');
    }
  });
});
