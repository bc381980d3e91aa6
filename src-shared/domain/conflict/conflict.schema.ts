import { z } from 'zod';
import { idSchema, isoTimestamp } from '../case/case.schema';

/**
 * A field changed on both sides (this laptop and the server) since the last sync.
 * The server value was kept; the user picks per field in the conflict inbox.
 */
export const conflictSchema = z.object({
  id: idSchema,
  /** `collection` is reserved by RxDB, hence the longer name. */
  collectionName: z.string().max(40),
  documentId: idSchema,
  fields: z.array(z.object({ path: z.string().max(200), local: z.unknown(), server: z.unknown() })),
  detectedAt: isoTimestamp,
  resolved: z.boolean(),
});
export type Conflict = z.infer<typeof conflictSchema>;
