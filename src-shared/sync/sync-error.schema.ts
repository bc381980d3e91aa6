import { z } from 'zod';
import { appErrorKinds } from '../kernel/app-error';

/** Machine-readable codes of failed sync/auth requests; the client acts on these, not on text. */
export const syncErrorCodes = [
  'bad-request',
  'unknown-collection',
  /** HTTP 426: the app's schema version is older than the server's; update the app. */
  'schema-outdated',
  /** The app's schema version is newer than the server's. */
  'schema-unsupported',
  'unauthenticated',
  'token-expired',
  'invalid-credentials',
  'user-disabled',
  /** HTTP 429: too many failed sign-ins for the account or the address; try again later. */
  'too-many-sign-ins',
  /** HTTP 429: too many requests from the address to a route anyone may call (a course's registration); try again later. */
  'too-many-requests',
  /** HTTP 401: this device was revoked; the client wipes its local replica. */
  'device-revoked',
  /** A used refresh token was presented again: the whole session is revoked. */
  'refresh-reused',
  'not-found',
  'conflict',
  /** HTTP 403: the user may not act on this (e.g. a letter for a case they cannot see). */
  'forbidden',
  /** HTTP 409: the case a letter belongs to is not on the server yet; send it again after sync. */
  'parent-missing',
  /** HTTP 409: the case has not taken the workflow step that issues this letter yet; sent again after sync. */
  'workflow-step-not-reached',
  /** HTTP 422: the document is not of the letter's kind, or the case not of the type that issues it. */
  'letter-kind-mismatch',
  /** HTTP 422: a letter's recipient is missing or has no valid e-mail address. */
  'invalid-recipient',
  /** HTTP 422: a letter's PDF is not the document recorded on its case (other bytes, other case). */
  'document-mismatch',
  /** The portal's invitation links (src-shared/portal/nominator-invitation.contract.ts): no such link, used, expired, another address. */
  'invitation-unknown',
  'invitation-used',
  'invitation-expired',
  'invitation-wrong-email',
  /** HTTP 422: the chosen password does not meet the password policy (src-server/auth/password.ts). */
  'weak-password',
  'internal',
] as const;
export type SyncErrorCode = (typeof syncErrorCodes)[number];

export const syncErrorSchema = z.object({
  kind: z.enum(appErrorKinds),
  code: z.enum(syncErrorCodes),
  message: z.string(),
  details: z.unknown().optional(),
});
export type SyncError = z.infer<typeof syncErrorSchema>;
