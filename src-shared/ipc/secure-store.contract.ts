import { z } from 'zod';
import { defineChannel } from './contract';

/**
 * The key the renderer uses to encrypt sensitive fields of the local replica
 * (conversation notes, national IDs). Created once, kept by the main process's secure store.
 */
export const localDbKeySchema = z.object({ key: z.string().min(32) });

export const localDbKeyChannel = defineChannel('secure-store:local-db-key', z.void(), localDbKeySchema);
