import { z } from 'zod';

/**
 * A document as it travels over the wire: the collection's own fields plus RxDB's `_deleted`.
 * The shape of the fields is checked per collection by the server (and stored exactly as sent).
 */
export const syncDocumentSchema = z.looseObject({ _deleted: z.boolean() });
export type SyncDocument = z.infer<typeof syncDocumentSchema>;

/** Primary keys of replicated documents (same bounds as `idSchema`). */
export const documentIdSchema = z.string().min(1).max(100);
