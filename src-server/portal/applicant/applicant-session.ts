import { personSchema } from '../../../src-shared/domain/person/person.schema';
import type { AppErrorKind } from '../../../src-shared/kernel/app-error';
import type { InvitationRefusal } from '../../../src-shared/portal/applicant.contract';
import type { AccessTokens } from '../../auth/access-token';
import { addUser, findUser } from '../../auth/accounts';
import { issueSession, type Session } from '../../auth/sessions';
import type { Database, Sql } from '../../db/database';
import { HttpError } from '../../http/http-error';
import { redeemInvitation, type RedeemRefusal } from '../invitations/invitation-store';

/**
 * An applicant signs in to the portal with their invitation link and the e-mail address it was
 * sent to. The first time, this creates their portal account: id = their person id (so they are
 * the subject of their own cases), username `applicant:<person id>`, role applicant, no password.
 */
const refusals: Record<RedeemRefusal, { status: number; code: InvitationRefusal; kind: AppErrorKind; message: string }> = {
  unknown: { status: 404, code: 'invitation-unknown', kind: 'not-found', message: 'This link is not valid' },
  used: { status: 410, code: 'invitation-used', kind: 'conflict', message: 'This link has been used already; ask for a new one' },
  expired: { status: 410, code: 'invitation-expired', kind: 'conflict', message: 'This link has expired; ask for a new one' },
  'wrong-email': { status: 403, code: 'invitation-wrong-email', kind: 'forbidden', message: 'This is not the e-mail address the link was sent to' },
};

export async function signInApplicant(db: Database, tokens: AccessTokens, input: { token: string; email: string; now: Date }): Promise<Session> {
  // A refused try is committed (the failed tries count), so the refusal is thrown after the transaction.
  const redeemed = await db.transaction(async (tx) => {
    const result = await redeemInvitation(tx, { kind: 'applicant', token: input.token, email: input.email, now: input.now });
    if (result.ok) await ensureApplicantAccount(tx, result.userId, result.email);
    return result;
  });
  if (!redeemed.ok) {
    const refusal = refusals[redeemed.reason];
    throw new HttpError(refusal.status, refusal.code, refusal.kind, refusal.message);
  }
  return issueSession(db, tokens, { userId: redeemed.userId, deviceName: 'Portal', provider: 'invitation' });
}

/** The applicant's account, created on first sign-in from the register of people. */
async function ensureApplicantAccount(tx: Sql, personId: string, email: string): Promise<void> {
  if (await findUser(tx, { id: personId })) return;
  const [row] = await tx.query<{ doc: string }>(`SELECT doc FROM sync_documents WHERE collection = 'people' AND id = $1 AND NOT deleted`, [personId]);
  const person = row && personSchema.parse(JSON.parse(row.doc));
  if (!person) throw new HttpError(404, 'invitation-unknown', 'not-found', 'This link is not valid');
  await addUser(tx, {
    id: personId,
    username: `applicant:${personId}`,
    name: `${person.givenName} ${person.familyName}`,
    roles: ['applicant'],
    scope: { institution: person.institution, departments: [], cohorts: [], partners: [] },
    email,
  });
}
