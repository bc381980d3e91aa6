import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdminCommand } from '../../../src-server/admin/admin-command';
import { auditCommand } from '../../../src-server/admin/audit.command';
import { anchorKeyFiles, readPublicKey } from '../../../src-server/audit/anchor-key';
import { AuditAnchor } from '../../../src-server/audit/audit-anchor';
import { entryHash, GENESIS, ROW_COLUMNS, type AuditRow } from '../../../src-server/audit/audit-chain';
import { appendAudit } from '../../../src-server/audit/audit-log';
import { verifyAudit } from '../../../src-server/audit/audit-verify';
import type { Database, Sql } from '../../../src-server/db/database';
import { startTestServer, type TestServer } from '../sync/support/test-server';

/**
 * Someone with write access to the database (not to the server's files) tampers with the audit
 * log: the sealer must not re-seal what was cut loose, and verify must see it — with the anchor
 * even when the attacker also rewrites the head or recomputes every hash.
 */
const ENTRIES = 12;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function sealedServer(): Promise<{ server: TestServer; anchorFile: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'saksflyt-anchor-'));
  const anchorFile = join(dir, 'audit-anchor.jsonl');
  const server = await startTestServer({ auditAnchorFile: anchorFile });
  cleanups.push(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  for (let n = 0; n < ENTRIES; n++) {
    await server.db.transaction((tx) =>
      appendAudit(tx, [{ actorId: 'user-1', action: 'push', collection: 'cases', documentId: `case-${n}`, outcome: 'accepted' }]),
    );
  }
  await until(async () => (await anchoredCount(anchorFile)) === ENTRIES);
  return { server, anchorFile };
}

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function anchoredCount(file: string): Promise<number> {
  try {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    return (JSON.parse(lines.at(-1)!) as { count: number }).count;
  } catch {
    return -1;
  }
}

const anchorOf = (file: string) => ({ file, publicKey: readPublicKey(anchorKeyFiles(file).publicKey) });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function idOf(db: Sql, documentId: string): Promise<number> {
  const [row] = await db.query<{ id: number }>('SELECT id FROM audit_log WHERE document_id = $1', [documentId]);
  return Number(row!.id);
}

async function admin(db: Database, args: string[]) {
  const lines: string[] = [];
  const code = await (auditCommand as AdminCommand).run(args, { db, out: (line) => lines.push(line) });
  return { code, output: lines.join('\n') };
}

describe('audit anchor and sealing', () => {
  it('signs every sealed head into the anchor file, with a private key only the server can read', async () => {
    const { server, anchorFile } = await sealedServer();
    expect(statSync(anchorKeyFiles(anchorFile).privateKey).mode & 0o777).toBe(0o600);
    expect(await verifyAudit(server.db, { anchor: anchorOf(anchorFile) })).toEqual({ ok: true, entries: ENTRIES });
    const result = await admin(server.db, ['verify', '--anchor', anchorFile]);
    expect(result).toMatchObject({ code: 0, output: `Audit log intact: ${ENTRIES} entries verified, up to the head signed in ${anchorFile}.` });
  });

  it('does not re-seal an edited entry whose seal was cleared from it on, and verify reports it', async () => {
    const { server, anchorFile } = await sealedServer();
    const target = await idOf(server.db, 'case-5');
    await server.db.query(`UPDATE audit_log SET outcome = 'rejected' WHERE id = $1`, [target]);
    await server.db.query('UPDATE audit_log SET chain_seq = NULL, prev_hash = NULL, hash = NULL WHERE id >= $1', [target]);
    await sleep(1000); // four rounds of the sealer
    const [unsealed] = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE chain_seq IS NULL');
    expect(unsealed?.n).toBe(ENTRIES - 5);
    const result = await admin(server.db, ['verify', '--anchor', anchorFile]);
    expect(result.code).toBe(1);
    expect(result.output).toContain(`BROKEN at entry ${target}: Entry ${target} lost its seal`);
    expect(result.output).toContain(`The chain has 5 entries, but ${ENTRIES} were anchored`);
  });

  it('does not re-seal them either when the head in the database is rewound; the anchor tells', async () => {
    const { server, anchorFile } = await sealedServer();
    const target = await idOf(server.db, 'case-8');
    await server.db.transaction(async (tx) => {
      await tx.query(`UPDATE audit_log SET actor_id = 'someone-else' WHERE id = $1`, [target]);
      await tx.query('UPDATE audit_log SET chain_seq = NULL, prev_hash = NULL, hash = NULL WHERE id >= $1', [target]);
      await tx.query(`UPDATE audit_head SET chain_count = 8, hash = (SELECT hash FROM audit_log WHERE chain_seq = 8), sealed_below = '0'`);
    });
    await sleep(1000);
    const [unsealed] = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE chain_seq IS NULL');
    expect(unsealed?.n).toBe(ENTRIES - 8);
    const result = await verifyAudit(server.db, { anchor: anchorOf(anchorFile), unsealedGraceSeconds: 0 });
    expect(result).toMatchObject({ ok: false });
    const findings = (result as { findings: { brokenAt: unknown; message: string }[] }).findings;
    expect(findings).toContainEqual({ brokenAt: target, message: expect.stringContaining('is still not sealed') });
    expect(findings).toContainEqual({ brokenAt: 'anchor', message: expect.stringContaining(`The chain has 8 entries, but ${ENTRIES} were anchored`) });
  });

  it('notices entries cut off the end, also when the head was rewound to match', async () => {
    const { server, anchorFile } = await sealedServer();
    await server.db.query('DELETE FROM audit_log WHERE chain_seq > $1', [ENTRIES - 3]);
    const tail = await verifyAudit(server.db, { anchor: anchorOf(anchorFile) });
    expect(tail).toMatchObject({ ok: false, brokenAt: 'end' });
    await server.db.query(`UPDATE audit_head SET chain_count = $1, hash = (SELECT hash FROM audit_log WHERE chain_seq = $1)`, [ENTRIES - 3]);
    expect(await verifyAudit(server.db)).toEqual({ ok: true, entries: ENTRIES - 3 }); // the database alone cannot tell
    expect(await verifyAudit(server.db, { anchor: anchorOf(anchorFile) })).toMatchObject({
      ok: false,
      brokenAt: 'anchor',
      message: expect.stringContaining(`The chain has ${ENTRIES - 3} entries, but ${ENTRIES} were anchored`),
    });
  });

  it('notices a chain whose hashes were all recomputed after an edit', async () => {
    const { server, anchorFile } = await sealedServer();
    await server.db.transaction(async (tx) => {
      await tx.query(`UPDATE audit_log SET outcome = 'denied' WHERE document_id = 'case-3'`);
      let prev = GENESIS;
      for (const row of await tx.query<AuditRow>(`SELECT ${ROW_COLUMNS} FROM audit_log ORDER BY chain_seq`)) {
        const hash = entryHash(prev, Number(row.chain_seq), row);
        await tx.query('UPDATE audit_log SET prev_hash = $2, hash = $3 WHERE id = $1', [row.id, prev, hash]);
        prev = hash;
      }
      await tx.query('UPDATE audit_head SET hash = $1', [prev]);
    });
    expect(await verifyAudit(server.db)).toEqual({ ok: true, entries: ENTRIES });
    expect(await verifyAudit(server.db, { anchor: anchorOf(anchorFile) })).toMatchObject({
      ok: false,
      brokenAt: 'anchor',
      message: expect.stringContaining(`Entry ${ENTRIES} of the chain is not the one anchored`),
    });
  });

  it('notices an altered anchor file', async () => {
    const { server, anchorFile } = await sealedServer();
    const lines = readFileSync(anchorFile, 'utf8').trim().split('\n');
    const last = JSON.parse(lines.at(-1)!) as { count: number };
    writeFileSync(anchorFile, [...lines.slice(0, -1), JSON.stringify({ ...last, count: last.count - 1 })].join('\n') + '\n');
    const result = await admin(server.db, ['verify', '--anchor', anchorFile]);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/BROKEN at the anchor: The anchor file was tampered with: line \d+ of .* does not carry a valid signature/);
  });

  it('reports an entry left unsealed past the grace period, without sealing it', async () => {
    const { server } = await sealedServer();
    const rolledBack = new Error('rollback');
    await expect(
      server.db.transaction(async (tx) => {
        // Inside this transaction the server's sealer cannot see the entry; only verify could seal it.
        await appendAudit(tx, [{ action: 'push', outcome: 'accepted', documentId: 'late' }], new Date(Date.now() - 120_000));
        const db: Database = { ...server.db, query: tx.query, exec: tx.exec, transaction: (work) => work(tx) };
        const result = await admin(db, ['verify']);
        expect(result.code).toBe(1);
        expect(result.output).toMatch(/BROKEN at entry \d+: Entry \d+ \(written .*\) is still not sealed after 60 s/);
        const [row] = await tx.query<{ chain_seq: number | null }>(`SELECT chain_seq FROM audit_log WHERE document_id = 'late'`);
        expect(row?.chain_seq).toBeNull();
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
  });

  it('refuses to start a new anchor over an old one whose key is gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'saksflyt-anchor-'));
    try {
      const file = join(dir, 'audit-anchor.jsonl');
      AuditAnchor.open(file);
      writeFileSync(file, '{}\n');
      rmSync(anchorKeyFiles(file).privateKey);
      expect(() => AuditAnchor.open(file)).toThrow(/exists but its signing key .* is missing/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Needs two connections at once: PGlite has one, so this runs where CI runs it, on PostgreSQL.
describe.skipIf(!process.env.DATABASE_URL)('sealing order (PostgreSQL: concurrent transactions)', () => {
  it('seals an entry that commits after a younger one without calling it tampered', async () => {
    const { server, anchorFile } = await sealedServer();
    let release!: () => void;
    let inserted!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const insertedSlow = new Promise<void>((resolve) => (inserted = resolve));
    const slow = server.db.transaction(async (tx) => {
      await appendAudit(tx, [{ action: 'push', outcome: 'accepted', documentId: 'slow' }]);
      inserted();
      await held;
    });
    await insertedSlow;
    await server.db.transaction((tx) => appendAudit(tx, [{ action: 'push', outcome: 'accepted', documentId: 'fast' }]));
    await sleep(750);
    const [fast] = await server.db.query<{ chain_seq: number | null }>(`SELECT chain_seq FROM audit_log WHERE document_id = 'fast'`);
    expect(fast?.chain_seq).toBeNull(); // an older transaction is still open: it could still commit entries
    release();
    await slow;
    await until(async () => (await anchoredCount(anchorFile)) === ENTRIES + 2);
    const order = await server.db.query<{ document_id: string }>(`SELECT document_id FROM audit_log WHERE chain_seq > $1 ORDER BY chain_seq`, [ENTRIES]);
    expect(order.map((row) => row.document_id)).toEqual(['slow', 'fast']);
    expect(await verifyAudit(server.db, { anchor: anchorOf(anchorFile), unsealedGraceSeconds: 0 })).toEqual({ ok: true, entries: ENTRIES + 2 });
  });
});
