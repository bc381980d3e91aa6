import { z } from 'zod';
import { conflictSchema } from '../domain/conflict/conflict.schema';
import { rejectionReasons, type RejectionReason, quarantineReasons } from './push.schema';

/**
 * An entry in the local `conflicts` collection written by the sync client:
 * - `conflict`: fields changed on this laptop and on the server; the server value was kept.
 * - `rejected`: the server refused the change (reason shown on the item); the laptop went back to
 *   the server's state and the refused values are kept here, so nothing typed is lost.
 * - `quarantined`: the server could not take the change at all; kept aside the same way.
 * `fields` holds, per changed path, this laptop's value (`local`) and the server's (`server`).
 * It is a conflict-inbox entry with what it is and why; the local `conflicts` collection must use
 * this schema (its JSON schema forbids fields it does not list).
 */
export const syncIssueKinds = ['conflict', 'rejected', 'quarantined'] as const;
export type SyncIssueKind = (typeof syncIssueKinds)[number];

export const syncIssueSchema = conflictSchema.extend({
  kind: z.enum(syncIssueKinds),
  reason: z.enum(rejectionReasons).optional(),
  code: z.string().max(100).optional(),
  message: z.string().max(2000).optional(),
});
export type SyncIssue = z.infer<typeof syncIssueSchema>;

export function issueKindOf(reason: RejectionReason): SyncIssueKind {
  return quarantineReasons.includes(reason) ? 'quarantined' : 'rejected';
}

/** One open entry per kind and document; the id fits `idSchema` whatever the document id is. */
export function syncIssueId(kind: SyncIssueKind, collection: string, documentId: string): string {
  return `${kind}-${collection.slice(0, 12)}-${fnv1a(`${collection}\u0000${documentId}`)}`;
}

/** 52-bit FNV-1a, base 36: a stable short key (not a security measure). */
function fnv1a(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let index = 0; index < text.length; index++) {
    hash ^= BigInt(text.charCodeAt(index));
    hash = (hash * 0x100000001b3n) & 0xfffffffffffffn;
  }
  return hash.toString(36);
}
