import { z } from 'zod';
import { checkpointSchema } from './checkpoint.schema';
import { documentIdSchema, syncDocumentSchema } from './sync-document.schema';

export const MAX_PULL_BATCH = 2000;

/** GET …/pull?seq=<checkpoint.seq>&batchSize=<n>; no `seq` means "from the beginning". */
export const pullQuerySchema = z.strictObject({
  seq: checkpointSchema.shape.seq.optional(),
  batchSize: z
    .string()
    .regex(/^\d{1,4}$/, 'a whole number')
    .transform(Number)
    .pipe(z.number().min(1).max(MAX_PULL_BATCH))
    .default(200),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

/**
 * A document's revision on the server, kept outside the document: it goes up with every write and
 * every change of who may see it. A client ignores a state whose revision is not above the one it
 * already has (a live event overtaken by a newer push or pull).
 */
export const revisionSchema = z.number().int().min(1);

export const pullResponseSchema = z
  .object({
    /** Changed documents in server order, tombstones included as full documents. */
    documents: z.array(syncDocumentSchema),
    /** `revisions[i]` is the revision of `documents[i]`. */
    revisions: z.array(revisionSchema),
    /** Documents the client must drop: this user could see them before and may no longer see them. */
    purged: z.array(z.object({ id: documentIdSchema, revision: revisionSchema })),
    /** Position after this batch; unchanged (the request's) when nothing new was found. */
    checkpoint: checkpointSchema.nullable(),
    /** More changes are ready now; ask again with `checkpoint`. */
    hasMore: z.boolean(),
    /**
     * The user's access changed since `seq` was issued: the client reconciles the ids it holds
     * (POST …/reconcile) and pulls again from the beginning.
     */
    reset: z.boolean(),
    /** On a pull from the beginning: how many documents this user will receive (progress bar). */
    total: z.number().int().min(0).optional(),
  })
  .refine((response) => response.revisions.length === response.documents.length, 'one revision per document');
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const MAX_RECONCILE_IDS = 5000;

/** POST …/reconcile: "which of these ids may I no longer keep?" */
export const reconcileRequestSchema = z.strictObject({
  ids: z.array(documentIdSchema).max(MAX_RECONCILE_IDS),
});
export type ReconcileRequest = z.infer<typeof reconcileRequestSchema>;

export const reconcileResponseSchema = z.object({ purged: z.array(documentIdSchema) });
export type ReconcileResponse = z.infer<typeof reconcileResponseSchema>;
