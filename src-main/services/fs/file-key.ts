import { createLocalDbKeyProvider } from '../local-db-key/local-db-key.service';
import type { SecureStore } from '../secure-store/secure-store';

export const FILE_KEY_NAME = 'data-folder-file-key';

/**
 * The key that seals the case data the main process keeps in the data folder: 32 random bytes,
 * created once and kept in the secure store like the replica's key (a secret of its own).
 */
export function createFileKeyProvider(store: SecureStore): () => Promise<Buffer> {
  const key = createLocalDbKeyProvider(store, FILE_KEY_NAME);
  return async () => Buffer.from(await key(), 'base64url');
}
