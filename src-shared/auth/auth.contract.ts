import { z } from 'zod';
import { actorSchema } from '../domain/access/roles';
import { hasControlCharacter } from '../kernel/control-characters';

/**
 * The central server's auth endpoints (`POST /auth/login`, `/auth/refresh`, `/auth/logout`), as
 * one contract: the server parses requests with it, the laptop's auth client parses answers.
 */

/**
 * Text a client sends to the auth routes: no control characters. PostgreSQL refuses NUL in text,
 * and the others have no place in names, passwords or tokens (nor in the log).
 */
export function plainText(max: number) {
  return z
    .string()
    .min(1)
    .max(max)
    .refine((text) => !hasControlCharacter(text), 'must not contain control characters');
}

export const serverCredentialsSchema = z.strictObject({
  username: plainText(100),
  password: plainText(200),
});

export const loginRequestSchema = serverCredentialsSchema.extend({
  /** The id this laptop got at its first sign-in; reused while the device is not revoked. */
  deviceId: plainText(64).optional(),
  deviceName: plainText(100).default('Saksflyt'),
});
export type LoginRequest = z.input<typeof loginRequestSchema>;

export const refreshRequestSchema = z.strictObject({ refreshToken: plainText(200) });

export const serverSessionSchema = z.object({
  accessToken: z.string().min(1).max(4000),
  expiresIn: z.number().positive().describe('Seconds until the access token expires'),
  refreshToken: z.string().min(1).max(200).describe('Rotating: use once, then keep the new one (store it in the OS secure store)'),
  deviceId: z.string().min(1).max(64),
  user: actorSchema,
  maxOfflineSeconds: z
    .number()
    .int()
    .positive()
    .describe('How long a laptop may stay unlocked without reaching the server (MAX_OFFLINE_DAYS); past it only an online unlock or sign-in opens the app'),
});
export type ServerSession = z.infer<typeof serverSessionSchema>;
