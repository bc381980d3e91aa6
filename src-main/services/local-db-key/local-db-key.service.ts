import { randomBytes } from 'node:crypto';
import type { SecureStore } from '../secure-store/secure-store';

export const LOCAL_DB_KEY_NAME = 'local-db-key';
export const LOCAL_DB_KEY_BYTES = 32;

/**
 * The key that encrypts sensitive fields of the renderer's local replica: 32 random bytes
 * (base64url), created on first use and kept in the secure store. Concurrent first calls share
 * one creation, so two different keys can never be handed out.
 */
export function createLocalDbKeyProvider(store: SecureStore): () => Promise<string> {
  let pending: Promise<string> | undefined;

  async function getOrCreate(): Promise<string> {
    const existing = await store.get(LOCAL_DB_KEY_NAME);
    if (existing !== undefined) return existing;
    const key = randomBytes(LOCAL_DB_KEY_BYTES).toString('base64url');
    await store.set(LOCAL_DB_KEY_NAME, key);
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
