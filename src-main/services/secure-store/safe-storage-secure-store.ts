import { AppError } from '../../../src-shared/kernel/app-error';
import { createFileBackedSecureStore, type SecureStore } from './secure-store';

/** The part of Electron's `safeStorage` this store uses (main process, after `app` is ready). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only. */
  getSelectedStorageBackend(): string;
}

export const BASIC_TEXT_REFUSAL =
  "Refusing to store secrets: Electron's safeStorage uses the Linux 'basic_text' backend, which encrypts " +
  'with a hard-coded password. Install and unlock a keyring (GNOME Keyring or KWallet), or start Saksflyt ' +
  'with --password-store=gnome-libsecret (or kwallet6).';

/** Secrets encrypted by the OS keychain (Keychain, DPAPI, libsecret/KWallet) through Electron's safeStorage. */
export function createSafeStorageSecureStore(options: { safeStorage: SafeStorageLike; platform: NodeJS.Platform; filePath: string }): SecureStore {
  const { safeStorage, platform } = options;

  function assertUsable(): void {
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      throw new AppError('precondition', BASIC_TEXT_REFUSAL);
    }
    if (!safeStorage.isEncryptionAvailable()) {
      throw new AppError('precondition', 'Refusing to store secrets: OS secure storage (safeStorage) is not available.');
    }
  }

  return createFileBackedSecureStore(options.filePath, {
    format: 'electron-safe-storage',
    encode(value) {
      assertUsable();
      return safeStorage.encryptString(value).toString('base64');
    },
    decode(stored) {
      assertUsable();
      return safeStorage.decryptString(Buffer.from(stored, 'base64'));
    },
  });
}
