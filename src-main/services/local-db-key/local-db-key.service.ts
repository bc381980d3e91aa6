import { randomBytes } from 'node:crypto';
import type { SessionView } from '../../../src-shared/ipc/session.contract';
import type { SecureStore } from '../secure-store/secure-store';
import { sessionError } from '../session/auth-client';

export const LOCAL_DB_KEY_NAME = 'local-db-key';
/** The demo database's key: a secret of its own, so demo mode never needs the replica's key. */
export const DEMO_DB_KEY_NAME = 'demo-db-key';
export const LOCAL_DB_KEY_BYTES = 32;

/**
 * A key that encrypts sensitive fields of a renderer database: 32 random bytes (base64url),
 * created on first use and kept in the secure store under `name`. Concurrent first calls share
 * one creation, so two different keys can never be handed out.
 */
export function createLocalDbKeyProvider(store: SecureStore, name = LOCAL_DB_KEY_NAME): () => Promise<string> {
  let pending: Promise<string> | undefined;

  async function getOrCreate(): Promise<string> {
    const existing = await store.get(name);
    if (existing !== undefined) return existing;
    const key = randomBytes(LOCAL_DB_KEY_BYTES).toString('base64url');
    await store.set(name, key);
    return key;
  }

  return () => {
    pending ??= getOrCreate().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

/**
 * The replica's key, handed out only while the session is active: a locked or signed-out app
 * gets an error with code `locked` or `signed-out`, so the renderer can hold no key behind the
 * lock screen (the session is decided in the main process; a page reload cannot skip it).
 */
export function keyWhileActive(key: () => Promise<string>, session: () => Promise<SessionView>): () => Promise<string> {
  return async () => {
    const { state } = await session();
    if (state === 'locked') throw sessionError('forbidden', 'locked', 'Saksflyt is locked: unlock it before the local data can be opened');
    if (state === 'signed-out') throw sessionError('forbidden', 'signed-out', 'Nobody is signed in: sign in before the local data can be opened');
    return key();
  };
}
