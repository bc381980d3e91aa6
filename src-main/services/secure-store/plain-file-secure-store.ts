import { createFileBackedSecureStore, type SecureStore } from './secure-store';

/**
 * BROWSER HOST ONLY. Secrets kept unencrypted in a file readable only by the current user (mode 0600).
 * Browser mode is a development and test aid on 127.0.0.1 without an OS keychain; the desktop app
 * always uses `createSafeStorageSecureStore`.
 */
export function createPlainFileSecureStore(filePath: string): SecureStore {
  return createFileBackedSecureStore(filePath, {
    format: 'plain-file-browser-host-only',
    encode: (value) => value,
    decode: (stored) => stored,
  });
}
