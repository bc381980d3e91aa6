import type { AcceptNominatorInvitation, NominatorInvitationAccepted } from '../../../../src-shared/portal/nominator-invitation.contract';
import { appendAudit } from '../../../audit/audit-log';
import { hashPassword, passwordWeakness } from '../../../auth/password';
import type { Database } from '../../../db/database';
import { HttpError } from '../../../http/http-error';
import { redeemInvitation, type RedeemRefusal } from '../../../portal/invitations/invitation-store';
import { nominatorById } from './nominator-account';

const refusals: Record<RedeemRefusal, () => HttpError> = {
  unknown: () => new HttpError(404, 'invitation-unknown', 'not-found', 'This invitation link is not valid'),
  used: () => new HttpError(409, 'invitation-used', 'conflict', 'This invitation link has been used already; sign in instead'),
  expired: () => new HttpError(410, 'invitation-expired', 'precondition', 'This invitation link has expired; ask for a new one'),
  'wrong-email': () => new HttpError(422, 'invitation-wrong-email', 'validation', 'This is not the e-mail address the invitation was sent to'),
};

/**
 * A partner's nominator accepts their invitation: the link (sent to one address) and that address
 * typed again verify the e-mail; the chosen password must meet the policy. The account is then
 * enabled with the password, and they sign in with the username answered. A refused link is
 * answered after the transaction commits (so a wrong address counts against the link); a weak
 * password rolls it back, so the link still works.
 */
export async function acceptNominatorInvitation(db: Database, input: AcceptNominatorInvitation & { now: Date }): Promise<NominatorInvitationAccepted> {
  const outcome = await db.transaction(async (tx): Promise<NominatorInvitationAccepted | { refused: RedeemRefusal }> => {
    const redeemed = await redeemInvitation(tx, { kind: 'nominator', token: input.token, email: input.email, now: input.now });
    if (!redeemed.ok) return { refused: redeemed.reason };
    const account = await nominatorById(tx, redeemed.userId, true);
    if (!account || account.status === 'purged') return { refused: 'unknown' };
    const weakness = passwordWeakness(input.password, [account.username, redeemed.email]);
    if (weakness) throw new HttpError(422, 'weak-password', 'validation', weakness);
    await tx.query(`UPDATE users SET password_hash = $2, email = $3, disabled = false, deactivated_at = NULL, deactivation_reason = NULL WHERE id = $1`, [
      account.id,
      await hashPassword(input.password),
      redeemed.email,
    ]);
    await appendAudit(tx, [{ actorId: account.id, action: 'nominator-activated', collection: 'users', documentId: account.id, outcome: 'ok' }], input.now);
    return { username: account.username };
  });
  if ('refused' in outcome) throw refusals[outcome.refused]();
  return outcome;
}
