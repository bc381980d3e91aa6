import type { OrgUnit } from '../../../../src-shared/domain/organisation/org-unit.schema';
import { appendAudit } from '../../../audit/audit-log';
import { addUser, findUser, setUserAccess } from '../../../auth/accounts';
import type { Database, Sql } from '../../../db/database';
import { HttpError } from '../../../http/http-error';
import { queueEmail } from '../../../notifications/email-outbox';
import { createSqlEmailOutboxStore } from '../../../notifications/sql-email-outbox-store';
import { storedOrganisation } from '../../../organisation/org-store';
import { createInvitation, invitationUrl } from '../../../portal/invitations/invitation-store';
import { nominatorById, type NominatorAccount } from './nominator-account';
import { nominatorEmail, type Language } from './nominator-invitation-email';

export interface NominatorInvitation {
  partnerId: string;
  name: string;
  email: string;
  language: Language;
  /** Staff of this institution may invite only for its partners; the operator's CLI gives none. */
  institution?: string;
  /** The staff user, or 'admin' for the operator's CLI. */
  invitedBy: string;
  publicUrl: string;
  now: Date;
}

/** The partner unit invited for: 404 when there is none, 403 when it is another institution's. */
export async function invitablePartner(sql: Sql, partnerId: string, institution: string | undefined): Promise<OrgUnit> {
  const partner = (await storedOrganisation(sql)).find((unit) => unit.id === partnerId && unit.kind === 'partner');
  if (!partner) throw new HttpError(404, 'not-found', 'not-found', `No partner ${partnerId}`);
  if (institution !== undefined && partner.institution !== institution) {
    throw new HttpError(403, 'forbidden', 'forbidden', 'You invite nominators only for partners of your own institution');
  }
  return partner;
}

/**
 * Invites a partner's nominator: a new account (username = the e-mail address, disabled until the
 * invitation is accepted), or the partner added to the nominator account that has this address
 * (one person may nominate for several partners). An account not in use (invited, deactivated)
 * gets a new invitation link; one in use is told where to sign in. The e-mail is queued in the same
 * transaction; the caller wakes the outbox after it commits. Audited without the address.
 */
export async function inviteNominator(db: Database, input: NominatorInvitation): Promise<NominatorAccount> {
  return db.transaction(async (tx) => {
    const partner = await invitablePartner(tx, input.partnerId, input.institution);
    const username = input.email.trim().toLowerCase();
    // Two invitations of one new address at once: the second waits and finds the first's account.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('nominator:' || $1))`, [username]);
    const existing = await findUser(tx, { username });
    if (existing && (!existing.roles.includes('nominator') || existing.scope.institution !== partner.institution)) {
      throw new HttpError(409, 'conflict', 'conflict', `The e-mail address ${username} belongs to another kind of account`);
    }
    const before = existing && (await nominatorById(tx, existing.id));
    if (before?.status === 'disabled') throw new HttpError(409, 'conflict', 'conflict', `The account ${username} was disabled by an operator`);
    const user =
      existing ??
      (await addUser(tx, {
        username,
        name: input.name,
        roles: ['nominator'],
        scope: { institution: partner.institution, departments: [], cohorts: [], partners: [input.partnerId] },
        email: input.email.trim(),
      }));
    if (existing && !existing.scope.partners.includes(input.partnerId)) {
      await setUserAccess(tx, username, { roles: existing.roles, scope: { ...existing.scope, partners: [...existing.scope.partners, input.partnerId] } });
    }
    // A new account waits for its invitation; a deactivated one is invited anew.
    if (!existing) await tx.query('UPDATE users SET disabled = true WHERE id = $1', [user.id]);
    await tx.query('UPDATE users SET deactivated_at = NULL, deactivation_reason = NULL WHERE id = $1', [user.id]);
    const inUse = before?.status === 'active';
    const common = { to: user.email || input.email.trim(), name: user.name, partnerName: partner.name, language: input.language };
    if (inUse) {
      await queueEmail(
        createSqlEmailOutboxStore(tx),
        nominatorEmail({ ...common, kind: 'partner-added', link: `${input.publicUrl.replace(/\/+$/, '')}/portal/` }),
      );
    } else {
      const { token, expiresAt } = await createInvitation(tx, {
        kind: 'nominator',
        userId: user.id,
        email: common.to,
        createdBy: input.invitedBy,
        now: input.now,
      });
      await queueEmail(
        createSqlEmailOutboxStore(tx),
        nominatorEmail({ ...common, kind: 'invitation', link: invitationUrl(input.publicUrl, 'nominator', token), expiresAt }),
      );
    }
    await appendAudit(
      tx,
      [
        {
          actorId: input.invitedBy,
          onBehalfOf: input.partnerId,
          action: 'nominator-invited',
          collection: 'users',
          documentId: user.id,
          outcome: 'ok',
          detail: { partnerId: input.partnerId, newAccount: !existing, inUse },
        },
      ],
      input.now,
    );
    return (await nominatorById(tx, user.id))!;
  });
}
