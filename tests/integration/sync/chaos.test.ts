import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncNowResult } from '../../../src-renderer/sync/start-replication';
import type { SyncStatus } from '../../../src-renderer/sync/sync-status';
import { eventually } from './support/client';
import { scope } from './support/fixtures';
import { RemoteLaptop } from './support/remote-laptop';
import { TcpProxy } from './support/tcp-proxy';
import { startTestServer, type TestServer } from './support/test-server';

/**
 * Five laptops (each a process of its own) write cases, notes and edits to each other's cases for
 * SYNC_CHAOS_SECONDS (default 8; 60 for the long run) through a proxy on loopback that refuses and
 * cuts connections at random. When the network heals, every replica and the server hold identical
 * content, and nothing written is lost.
 */
const seconds = Number(process.env.SYNC_CHAOS_SECONDS ?? 8);
const LAPTOPS = 5;

let server: TestServer;
let proxy: TcpProxy;
const laptops: RemoteLaptop[] = [];

beforeAll(async () => {
  server = await startTestServer();
  proxy = new TcpProxy(Number(new URL(server.url).port));
  const url = await proxy.listen();
  for (let n = 0; n < LAPTOPS; n++) {
    await server.addUser({ username: `koord${n}`, roles: ['cohortCoordinator'], scope: scope({ cohorts: ['spl-2025'] }) });
    const laptop = await RemoteLaptop.start();
    await laptop.call('open', { baseUrl: url, session: await server.login(`koord${n}`) });
    laptops.push(laptop);
  }
}, 120_000);

afterAll(async () => {
  await Promise.all(laptops.map((laptop) => laptop.stop()));
  await proxy.close();
  await server.close();
});

const serverContent = async (collection: string) =>
  (await server.db.query<{ doc: string }>(`SELECT doc FROM sync_documents WHERE collection = $1 AND NOT deleted ORDER BY id`, [collection])).map((row) => {
    const doc = JSON.parse(row.doc) as Record<string, unknown>;
    return JSON.stringify(doc, Object.keys(doc).sort());
  });

describe(`a network that drops connections at random for ${seconds} s`, () => {
  it(
    'leaves all replicas identical to the server, with nothing written lost',
    async () => {
      let seed = 42;
      const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      let refused = 0;
      let cut = 0;
      proxy.hooks = {
        onConnect(connection) {
          if (random() < 0.15) {
            refused++;
            return false;
          }
          setTimeout(
            () => {
              cut++;
              connection.drop();
            },
            50 + random() * 1500,
          );
        },
      };
      const written = await Promise.all(
        laptops.map((laptop, n) => laptop.call<{ cases: string[]; notes: string[]; edits: number }>('work', { seconds, seed: 1000 + n, label: String(n) })),
      );
      proxy.hooks = {};
      expect(refused + cut).toBeGreaterThan(10);

      const final = await eventually(
        async () => {
          const results = await Promise.all(laptops.map((laptop) => laptop.call<SyncNowResult>('syncNow', { timeoutMs: 15_000 })));
          const stored = { cases: await serverContent('cases'), notes: await serverContent('notes') };
          const replicas = await Promise.all(laptops.map((laptop) => laptop.call<typeof stored>('content')));
          return { ok: results.every((result) => result.ok), stored, replicas };
        },
        (state) => state.ok && state.replicas.every((replica) => JSON.stringify(replica) === JSON.stringify(state.stored)),
        120_000,
      );

      const ids = (list: string[]) => new Set(list.map((json) => (JSON.parse(json) as { id: string }).id));
      const storedCases = ids(final.stored.cases);
      const storedNotes = ids(final.stored.notes);
      expect(written.flatMap((w) => w.cases).filter((id) => !storedCases.has(id))).toEqual([]);
      expect(written.flatMap((w) => w.notes).filter((id) => !storedNotes.has(id))).toEqual([]);
      expect(storedNotes.size).toBe(written.reduce((sum, w) => sum + w.notes.length, 0));
      for (const laptop of laptops) {
        const status = await laptop.call<SyncStatus>('status');
        expect(status.unsyncedCount).toBe(0);
        // Edits of the same case on several laptops end as conflicts in the inbox, never as refusals.
        expect(status.items.filter((item) => item.state !== 'conflict')).toEqual([]);
      }
    },
    (seconds + 150) * 1000,
  );
});
