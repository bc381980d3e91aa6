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
  /** HTTP 401: this device was revoked; the client wipes its local replica. */
  'device-revoked',
  /** A used refresh token was presented again: the whole session is revoked. */
  'refresh-reused',
  'not-found',
  'conflict',
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
