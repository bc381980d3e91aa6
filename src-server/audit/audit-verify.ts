import type { KeyObject } from 'node:crypto';
import type { Sql } from '../db/database';
import { readAnchor } from './audit-anchor';
import { GENESIS, entryHash, hashAt, readHead, ROW_COLUMNS, type AuditRow } from './audit-chain';

/**
 * Checks the audit log without changing it: the chain link by link, that it ends where its head
 * says, that no entry lost its seal, that nothing waits unsealed for longer than the sealer ever
 * takes, and (given the anchor) that the chain holds the newest head the server signed.
 */
export const DEFAULT_UNSEALED_GRACE_SECONDS = 60;

export interface AuditFinding {
  /** The entry (audit_log id) the finding is about, 'end' for the end of the chain, 'anchor' for the anchor. */
  brokenAt: number | 'end' | 'anchor';
  message: string;
}

export type AuditVerification = { ok: true; entries: number } | ({ ok: false; entries: number; findings: AuditFinding[] } & AuditFinding);

export interface VerifyOptions {
  /** The anchor file and the public key its lines must be signed with. */
  anchor?: { file: string; publicKey: KeyObject };
  /** Unsealed entries older than this are a finding (the server seals every quarter second). */
  unsealedGraceSeconds?: number;
  now?: Date;
  pageSize?: number;
}

/** Walks the chain in order; returns its length, or the first entry whose link or content does not match. */
async function walkChain(db: Sql, pageSize: number): Promise<{ entries: number; hash: string; finding?: AuditFinding }> {
  let prev = GENESIS;
  let lastSeq = 0;
  for (;;) {
    const rows = await db.query<AuditRow>(`SELECT ${ROW_COLUMNS} FROM audit_log WHERE chain_seq > $1 ORDER BY chain_seq LIMIT $2`, [lastSeq, pageSize]);
    for (const row of rows) {
      const chainSeq = Number(row.chain_seq);
      const id = Number(row.id);
      if (row.prev_hash !== prev || chainSeq !== lastSeq + 1) {
        return {
          entries: lastSeq + 1,
          hash: prev,
          finding: { brokenAt: id, message: `Entry ${id} does not follow the entry before it (an entry was removed, inserted or reordered).` },
        };
      }
      if (entryHash(prev, chainSeq, row) !== row.hash) {
        return { entries: chainSeq, hash: prev, finding: { brokenAt: id, message: `Entry ${id} was altered after it was written.` } };
      }
      prev = row.hash;
      lastSeq = chainSeq;
    }
    if (rows.length < pageSize) return { entries: lastSeq, hash: prev };
  }
}

async function unsealedFindings(db: Sql, sealedBelow: string, grace: number, now: Date): Promise<AuditFinding[]> {
  const findings: AuditFinding[] = [];
  const [cut] = await db.query<{ id: number }>('SELECT id FROM audit_log WHERE chain_seq IS NULL AND txid < $1::xid8 ORDER BY id LIMIT 1', [sealedBelow]);
  if (cut) {
    findings.push({
      brokenAt: Number(cut.id),
      message: `Entry ${cut.id} lost its seal: it was sealed before entries that still are (its chain columns were cleared).`,
    });
  }
  const cutoff = new Date(now.getTime() - grace * 1000).toISOString();
  const [stale] = await db.query<{ id: number; at: string }>('SELECT id, at FROM audit_log WHERE chain_seq IS NULL AND at < $1 ORDER BY id LIMIT 1', [cutoff]);
  if (stale && Number(stale.id) !== Number(cut?.id)) {
    findings.push({
      brokenAt: Number(stale.id),
      message: `Entry ${stale.id} (written ${stale.at}) is still not sealed after ${grace} s: its seal was removed, or no server has run since (start it; verify does not seal).`,
    });
  }
  return findings;
}

/** The anchor file's own findings, then (when the chain itself is sound) whether it holds the newest anchored head. */
async function anchorFindings(db: Sql, anchor: NonNullable<VerifyOptions['anchor']>, chainLength: number | undefined): Promise<AuditFinding[]> {
  const check = await readAnchor(anchor.file, anchor.publicKey);
  const findings: AuditFinding[] = check.problem ? [{ brokenAt: 'anchor', message: `The anchor file was tampered with: ${check.problem}.` }] : [];
  const last = check.last;
  if (!last || chainLength === undefined) return findings;
  if (chainLength < last.count) {
    findings.push({
      brokenAt: 'anchor',
      message: `The chain has ${chainLength} entries, but ${last.count} were anchored at ${last.at}: entries were removed.`,
    });
  } else if ((await hashAt(db, last.count)) !== last.hash) {
    findings.push({ brokenAt: 'anchor', message: `Entry ${last.count} of the chain is not the one anchored at ${last.at}: the chain was rewritten.` });
  }
  return findings;
}

export async function verifyAudit(db: Sql, options: VerifyOptions = {}): Promise<AuditVerification> {
  const walk = await walkChain(db, options.pageSize ?? 5000);
  const head = await readHead(db);
  const findings: AuditFinding[] = walk.finding ? [walk.finding] : [];
  findings.push(...(await unsealedFindings(db, head.sealedBelow, options.unsealedGraceSeconds ?? DEFAULT_UNSEALED_GRACE_SECONDS, options.now ?? new Date())));
  if (!walk.finding && (head.count !== walk.entries || head.hash !== walk.hash)) {
    const message =
      head.count > walk.entries
        ? `The chain ends at entry ${walk.entries}, but its head records ${head.count}: entries were removed from the end of the log.`
        : `The chain does not end where its head records (${head.count} entries): entries were re-chained.`;
    findings.push({ brokenAt: 'end', message });
  }
  if (options.anchor) findings.push(...(await anchorFindings(db, options.anchor, walk.finding ? undefined : walk.entries)));
  const [first] = findings;
  return first ? { ok: false, entries: walk.entries, ...first, findings } : { ok: true, entries: walk.entries };
}
