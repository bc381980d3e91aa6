import { z } from 'zod';
import { defineChannel } from './contract';

/**
 * The key the renderer uses to encrypt sensitive fields of the local replica
 * (conversation notes, national IDs). Created once, kept by the main process's secure store, and
 * handed out only while a session is active (error code `locked` or `signed-out` otherwise).
 */
export const localDbKeySchema = z.object({ key: z.string().min(32) });

export const localDbKeyChannel = defineChannel('secure-store:local-db-key', z.void(), localDbKeySchema);
/** The key of the demo database (generated data, no session): a secret of its own, never the replica's. */
export const demoDbKeyChannel = defineChannel('secure-store:demo-db-key', z.void(), localDbKeySchema);
