import { z } from 'zod';

/**
 * Where a client stands in the server's change feed. `seq` is opaque to the client: the server
 * encodes its commit-safe position and the access scope the position was computed for. It is
 * kept outside every document, so nothing a user edits can clash with it.
 */
export const checkpointSchema = z.object({
  seq: z.string().min(1).max(80),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;
