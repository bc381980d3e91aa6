import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/kernel/app-error';
import { createPlainFileSecureStore } from './plain-file-secure-store';
import { BASIC_TEXT_REFUSAL, createSafeStorageSecureStore, type SafeStorageLike } from './safe-storage-secure-store';

let dir: string;
let filePath: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'saksflyt-secrets-'));
  filePath = join(dir, 'secrets.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A stand-in for Electron's safeStorage: reversible, but visibly not the plain text. */
function fakeSafeStorage(backend = 'gnome_libsecret', available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain) => Buffer.from(`enc:${plain}`, 'utf8').reverse(),
    decryptString: (encrypted) => {
      const text = Buffer.from(encrypted).reverse().toString('utf8');
      if (!text.startsWith('enc:')) throw new Error('cannot decrypt');
      return text.slice(4);
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('plain-file secure store (browser host only)', () => {
  it('stores and reads secrets in a 0600 file', async () => {
    const store = createPlainFileSecureStore(filePath);
    expect(await store.get('local-db-key')).toBeUndefined();
    await store.set('local-db-key', 'k1');
    await store.set('sync-token', 't1');
    expect(await createPlainFileSecureStore(filePath).get('local-db-key')).toBe('k1');
    expect(await store.get('sync-token')).toBe('t1');
    expect((await stat(filePath)).mode & 0o777).toBe(0o600);
  });

  it('refuses names that are not simple identifiers', async () => {
    const store = createPlainFileSecureStore(filePath);
    await expect(store.set('../escape', 'x')).rejects.toThrow();
    await expect(store.get('__proto__')).rejects.toThrow();
  });

  it('leaves a corrupt file untouched and reports it', async () => {
    await writeFile(filePath, '{not json');
    const store = createPlainFileSecureStore(filePath);
    expect((await rejection(store.set('local-db-key', 'new'))).message).toContain('corrupt');
    expect(await readFile(filePath, 'utf8')).toBe('{not json');
  });
});

describe('safeStorage secure store (Electron)', () => {
  it('keeps only ciphertext on disk and decrypts it again', async () => {
    const store = createSafeStorageSecureStore({ safeStorage: fakeSafeStorage(), platform: 'linux', filePath });
    await store.set('local-db-key', 'hemmelig-nøkkel');
    expect(await readFile(filePath, 'utf8')).not.toContain('hemmelig');
    expect(await store.get('local-db-key')).toBe('hemmelig-nøkkel');
    expect((await stat(filePath)).mode & 0o777).toBe(0o600);
  });

  it("refuses Linux's basic_text backend with a clear message, writing nothing", async () => {
    const store = createSafeStorageSecureStore({ safeStorage: fakeSafeStorage('basic_text'), platform: 'linux', filePath });
    const error = await rejection(store.set('local-db-key', 'x'));
    expect(error.kind).toBe('precondition');
    expect(error.message).toBe(BASIC_TEXT_REFUSAL);
    expect(error.message).toContain('basic_text');
    await expect(stat(filePath)).rejects.toThrow();
  });

  it('does not ask for the Linux backend on other platforms', async () => {
    const safeStorage = {
      ...fakeSafeStorage(),
      getSelectedStorageBackend: () => {
        throw new Error('Linux only');
      },
    };
    const store = createSafeStorageSecureStore({ safeStorage, platform: 'darwin', filePath });
    await store.set('local-db-key', 'mac');
    expect(await store.get('local-db-key')).toBe('mac');
  });

  it('refuses when encryption is unavailable', async () => {
    const store = createSafeStorageSecureStore({ safeStorage: fakeSafeStorage('kwallet6', false), platform: 'linux', filePath });
    expect((await rejection(store.set('local-db-key', 'x'))).kind).toBe('precondition');
  });

  it('will not read a file the browser host wrote in plain text', async () => {
    await createPlainFileSecureStore(filePath).set('local-db-key', 'plain');
    const store = createSafeStorageSecureStore({ safeStorage: fakeSafeStorage(), platform: 'linux', filePath });
    expect((await rejection(store.get('local-db-key'))).kind).toBe('precondition');
  });
});
