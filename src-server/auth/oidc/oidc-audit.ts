import { appendAudit } from '../../audit/audit-log';
import type { Sql } from '../../db/database';
import { auditText } from '../sign-in-audit';

/**
 * Audits a refused OIDC sign-in (`provider`: `oidc:{id}`, or `oidc` when not known). An unknown
 * identity is recorded with its issuer and subject in full (they come from an ID token whose
 * signature was checked), so an administrator can link it (`npm run admin -- user link-oidc …`);
 * the name claim is shortened like any attempted username.
 */
export async function auditRefusedOidcSignIn(
  sql: Sql,
  refusal: { provider: string; address: string; reason: string; issuer?: string; subject?: string; name?: string; userId?: string },
): Promise<void> {
  await appendAudit(sql, [
    {
      actorId: refusal.userId ?? null,
      action: 'login',
      outcome: 'denied',
      reason: refusal.reason,
      detail: {
        provider: refusal.provider,
        address: auditText(refusal.address),
        ...(refusal.issuer === undefined ? {} : { issuer: refusal.issuer, subject: refusal.subject }),
        ...(refusal.name === undefined ? {} : { name: auditText(refusal.name) }),
      },
    },
  ]);
}
