import { z } from 'zod';
import { pullResponseSchema } from './pull.schema';

/**
 * One Server-Sent Event on …/stream: either a batch of changes (the same body as a pull, with a
 * checkpoint that continues the stream's own position) or RESYNC, which asks the client to pull
 * (sent on every (re)connect and whenever the server cannot tell what the client missed).
 */
export const streamEventSchema = z.union([z.literal('RESYNC'), pullResponseSchema]);
export type StreamEvent = z.infer<typeof streamEventSchema>;

/**
 * One event on the shared stream (`/sync/stream?collections=…`): a stream event of one collection.
 * A browser keeps at most six HTTP/1.1 connections to a server, so the app listens to every
 * collection on one connection and keeps the others free for pulls and pushes.
 */
export const taggedStreamEventSchema = z.object({ collection: z.string().min(1).max(40), event: streamEventSchema });
export type TaggedStreamEvent = z.infer<typeof taggedStreamEventSchema>;

/** Seconds between keep-alive comments; a client that hears nothing for 3× this reconnects. */
export const STREAM_HEARTBEAT_SECONDS = 15;
