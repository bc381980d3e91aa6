import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../src-server/audit/audit-log';
import { sealAudit } from '../../../src-server/audit/audit-sealer';
import { verifyAudit } from '../../../src-server/audit/audit-verify';
import { auditCommand } from '../../../src-server/admin/audit.command';
import type { Sql } from '../../../src-server/db/database';
import { startTestServer, type TestServer } from '../sync/support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await server.db.transaction((tx) =>
    appendAudit(
      tx,
      Array.from({ length: 20 }, (_, n) => ({
        actorId: `user-${n % 3}`,
        deviceId: 'device-1',
        onBehalfOf: n === 4 ? 'partner-lindenhof' : null,
        action: 'push',
        collection: 'cases',
        documentId: `case-${n}`,
        outcome: n % 5 === 0 ? ('rejected' as const) : ('accepted' as const),
        reason: n % 5 === 0 ? 'forbidden' : null,
        detail: { fields: ['title'] },
      })),
    ),
  );
  await sealAudit(server.db);
});
afterAll(() => server.close());

/** Runs `check` after `sql` inside a transaction that is rolled back: the stored log stays intact. */
async function whileTampered(sql: string, check: (tx: Sql) => Promise<void>) {
  const rolledBack = new Error('rollback');
  await expect(
    server.db.transaction(async (tx) => {
      await tx.query(sql);
      await check(tx);
      throw rolledBack;
    }),
  ).rejects.toBe(rolledBack);
}

describe('audit hash chain', () => {
  it('chains entries in commit order once they are sealed', async () => {
    const rows = await server.db.query<{ chain_seq: number | null; hash: string | null }>('SELECT chain_seq, hash FROM audit_log ORDER BY chain_seq');
    expect(rows.map((row) => Number(row.chain_seq))).toEqual(Array.from({ length: 20 }, (_, n) => n + 1));
    expect(rows.every((row) => row.hash?.length === 64)).toBe(true);
  });

  it('verifies an untouched log', async () => {
    expect(await verifyAudit(server.db)).toEqual({ ok: true, entries: 20 });
  });

  it('records who acted for whom', async () => {
    const [row] = await server.db.query<{ on_behalf_of: string }>(`SELECT on_behalf_of FROM audit_log WHERE document_id = 'case-4'`);
    expect(row?.on_behalf_of).toBe('partner-lindenhof');
  });

  it.each([
    ['an altered outcome', `UPDATE audit_log SET outcome = 'accepted' WHERE document_id = 'case-10'`, 'altered'],
    ['an altered actor', `UPDATE audit_log SET actor_id = 'someone-else' WHERE document_id = 'case-10'`, 'altered'],
    ['a removed row', `DELETE FROM audit_log WHERE document_id = 'case-10'`, 'does not follow'],
  ])('reports the first broken link after %s', async (_what, sql, message) => {
    const [target] = await server.db.query<{ id: number }>(`SELECT id FROM audit_log WHERE document_id = 'case-10'`);
    const expectedId = Number(target!.id) + (message === 'does not follow' ? 1 : 0);
    await whileTampered(sql, async (tx) => {
      const result = await verifyAudit(tx);
      expect(result).toMatchObject({ ok: false, brokenAt: expectedId });
      expect((result as { message: string }).message).toContain(message);
    });
    expect(await verifyAudit(server.db)).toEqual({ ok: true, entries: 20 });
  });

  it('notices rows cut off the end of the log', async () => {
    await whileTampered(`DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)`, async (tx) => {
      expect(await verifyAudit(tx)).toMatchObject({ ok: false, brokenAt: 'end' });
    });
  });

  // Last: it leaves the log broken.
  it('never re-seals an entry whose seal was cleared: verify reports it instead of chaining it again', async () => {
    const [target] = await server.db.query<{ id: number }>(`SELECT id FROM audit_log WHERE document_id = 'case-12'`);
    const id = Number(target!.id);
    await server.db.query(`UPDATE audit_log SET outcome = 'accepted', reason = NULL WHERE id = $1`, [id]);
    await server.db.query('UPDATE audit_log SET chain_seq = NULL, prev_hash = NULL, hash = NULL WHERE id >= $1', [id]);
    await sealAudit(server.db).catch(() => undefined);
    const lines: string[] = [];
    const code = await auditCommand.run(['verify'], { db: server.db, out: (line) => lines.push(line) });
    expect(code).toBe(1);
    expect(lines[0]).toContain(`BROKEN at entry ${id}: Entry ${id} lost its seal`);
    const [unsealed] = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE chain_seq IS NULL');
    expect(unsealed?.n).toBe(8);
  });
});
