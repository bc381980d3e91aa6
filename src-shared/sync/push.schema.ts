import { z } from 'zod';
import { revisionSchema } from './pull.schema';
import { documentIdSchema, syncDocumentSchema } from './sync-document.schema';

export const MAX_PUSH_ROWS = 500;

/** Why the server refused one pushed row. The app shows it on that item; others go on. */
export const rejectionReasons = [
  /** The document does not match the collection's schema (kept aside: quarantined). */
  'invalid-document',
  /** The user may not see or change this document (any more). */
  'forbidden',
  /** The shared workflow refused the change; `code` carries its reason. */
  'workflow',
  /** Append-only record (a note) changed or deleted after it was written. */
  'immutable',
  /** This kind of document cannot be deleted (cases are closed, not deleted). */
  'delete-not-allowed',
  /** The case this record belongs to is not on the server (yet). */
  'parent-missing',
  /** The server failed on this row only; nothing of it was stored (kept aside: quarantined). */
  'internal-error',
] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

/** Reasons that put an item in quarantine (not a decision about its content). */
export const quarantineReasons: readonly RejectionReason[] = ['invalid-document', 'internal-error'];

export const pushRowContextSchema = z.strictObject({
  /** The party the user registers this change for (e.g. a partner's nomination). */
  onBehalfOf: z.string().min(1).max(200).optional(),
  /** The conflict-inbox entry this change resolves. */
  resolvesConflict: z.string().min(1).max(200).optional(),
});
export type PushRowContext = z.infer<typeof pushRowContextSchema>;

export const pushRowSchema = z.strictObject({
  /** The server state the client's change was based on; absent for a new document. */
  assumedMasterState: syncDocumentSchema.nullish(),
  newDocumentState: syncDocumentSchema,
  context: pushRowContextSchema.optional(),
});
export type PushRow = z.infer<typeof pushRowSchema>;

export const pushRequestSchema = z.strictObject({
  rows: z.array(pushRowSchema).min(1).max(MAX_PUSH_ROWS),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const rejectionSchema = z.object({
  id: documentIdSchema,
  reason: z.enum(rejectionReasons),
  /** Finer machine-readable code, e.g. the workflow's reason. */
  code: z.string().max(100).optional(),
  message: z.string().max(2000),
  /** The stored document, when this user may see it; null when there is none or it is hidden. */
  masterState: syncDocumentSchema.nullable(),
});
export type Rejection = z.infer<typeof rejectionSchema>;

export const pushResponseSchema = z.object({
  /** Stored states that differ from the client's assumed master state (RxDB conflicts). */
  conflicts: z.array(syncDocumentSchema),
  rejections: z.array(rejectionSchema),
  /** The server revision of every document this answer settles (stored, unchanged or conflicting). */
  revisions: z.record(documentIdSchema, revisionSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;
