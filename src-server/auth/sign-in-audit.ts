import { appendAudit, type AuditEntry } from '../audit/audit-log';
import type { Sql } from '../db/database';
import type { LimitScope } from './sign-in-limiter';

/** Usernames and addresses in failed sign-ins are attacker input: kept short and printable. */
const MAX_LENGTH = 64;
export function auditText(value: string): string {
  const printable = value.replace(/\p{Cc}/gu, '?');
  return printable.length > MAX_LENGTH ? `${printable.slice(0, MAX_LENGTH)}…` : printable;
}

/** Audits a failed sign-in, and the lock-out it caused (the attempt that reached a limit). */
export async function auditFailedSignIn(
  sql: Sql,
  failure: { username: string; address: string; provider: string; reason: string; locked: LimitScope[] },
): Promise<void> {
  const detail = { username: auditText(failure.username), address: auditText(failure.address), provider: failure.provider };
  const entries: AuditEntry[] = [
    { action: 'login', outcome: 'denied', reason: failure.reason, detail },
    ...failure.locked.map((scope): AuditEntry => ({ action: 'login', outcome: 'denied', reason: 'locked-out', detail: { ...detail, scope } })),
  ];
  await appendAudit(sql, entries);
}
