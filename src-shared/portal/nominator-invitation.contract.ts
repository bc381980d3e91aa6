import { z } from 'zod';

/**
 * `POST /portal/api/invitations/nominator`: a partner's new nominator accepts the invitation
 * e-mailed to them by typing that e-mail address and choosing a password; the account is then
 * enabled and they sign in with the username answered. Refusals are the server's error body
 * (`{ kind, code, message }`) with one of `nominatorInvitationErrorCodes` as `code`.
 */
export const acceptNominatorInvitationSchema = z.object({
  token: z.string().min(20).max(200),
  /** Typed by the person; spaces around it and letter case do not matter. */
  email: z.string().trim().pipe(z.email().max(200)),
  password: z.string().min(1).max(200),
});
export type AcceptNominatorInvitation = z.infer<typeof acceptNominatorInvitationSchema>;

export const nominatorInvitationAcceptedSchema = z.object({ username: z.string().min(1).max(200) });
export type NominatorInvitationAccepted = z.infer<typeof nominatorInvitationAcceptedSchema>;

export const nominatorInvitationErrorCodes = [
  'invitation-unknown',
  'invitation-used',
  'invitation-expired',
  'invitation-wrong-email',
  'weak-password',
] as const;
export type NominatorInvitationErrorCode = (typeof nominatorInvitationErrorCodes)[number];
