import { z } from 'zod';
import { sessionUserSchema, signedOutReasons } from '../../../src-shared/ipc/session.contract';
import { AppError } from '../../../src-shared/kernel/app-error';
import type { SecureStore } from '../secure-store/secure-store';

export const SESSION_SECRET_NAME = 'session';

/**
 * What survives a restart, kept as one secret in the main process's secure store: the signed-in
 * session with its rotating refresh token and the local password verifier, and per server and
 * username the device id the server gave this laptop (so signing in again reuses the device).
 */
export const storedSessionSchema = z.object({
  signedIn: z
    .object({
      serverUrl: z.string(),
      provider: z.string(),
      user: sessionUserSchema,
      refreshToken: z.string().min(1),
      deviceId: z.string().min(1),
      /** For unlocking offline (./password-verifier.ts); absent for providers without a password. */
      passwordVerifier: z.string().optional(),
      /** The last sign-in or refresh the server answered (epoch ms), and how long the laptop may go without one. */
      serverContact: z.object({ at: z.number().int().nonnegative(), maxOfflineSeconds: z.number().int().positive() }),
    })
    .nullable(),
  signedOutReason: z.enum(signedOutReasons),
  lastUsername: z.string().optional(),
  devices: z.record(z.string(), z.string()),
});
export type StoredSession = z.infer<typeof storedSessionSchema>;
export type SignedInRecord = NonNullable<StoredSession['signedIn']>;

const EMPTY: StoredSession = { signedIn: null, signedOutReason: 'none', devices: {} };

export interface SessionVault {
  read(): Promise<StoredSession>;
  write(session: StoredSession): Promise<void>;
}

export function createSessionVault(store: SecureStore): SessionVault {
  return {
    async read() {
      const text = await store.get(SESSION_SECRET_NAME);
      if (!text) return EMPTY;
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        throw new AppError('internal', 'The stored session is not valid JSON; sign in again after removing it');
      }
      const parsed = storedSessionSchema.safeParse(raw);
      // A session written by an incompatible version is dropped (the user signs in again); device ids are kept.
      if (!parsed.success) return { ...EMPTY, devices: devicesOf(raw) };
      return parsed.data;
    },
    write: (session) => store.set(SESSION_SECRET_NAME, JSON.stringify(session)),
  };
}

/** Key of a remembered device id: one per server and username. */
export function deviceKey(serverUrl: string, username: string): string {
  return `${new URL(serverUrl).origin} ${username.trim().toLowerCase()}`;
}

function devicesOf(raw: unknown): Record<string, string> {
  const devices = z.object({ devices: z.record(z.string(), z.string()) }).safeParse(raw);
  return devices.success ? devices.data.devices : {};
}
