import { describe, expect, it } from 'vitest';
import type { SecureStore } from '../secure-store/secure-store';
import { createLocalDbKeyProvider, LOCAL_DB_KEY_NAME } from './local-db-key.service';

function memoryStore(options: { failFirstSet?: boolean } = {}): SecureStore & { values: Map<string, string>; sets: number } {
  const values = new Map<string, string>();
  let failNext = options.failFirstSet ?? false;
  const store = {
    values,
    sets: 0,
    get: async (name: string) => values.get(name),
    set: async (name: string, value: string) => {
      store.sets += 1;
      if (failNext) {
        failNext = false;
        throw new Error('disk full');
      }
      values.set(name, value);
    },
  };
  return store;
}

describe('local DB key', () => {
  it('creates 32 random bytes once and keeps them in the secure store', async () => {
    const store = memoryStore();
    const key = await createLocalDbKeyProvider(store)();
    expect(Buffer.from(key, 'base64url')).toHaveLength(32);
    expect(store.values.get(LOCAL_DB_KEY_NAME)).toBe(key);
    expect(await createLocalDbKeyProvider(store)()).toBe(key);
    expect(store.sets).toBe(1);
  });

  it('hands out one key to concurrent first callers', async () => {
    const store = memoryStore();
    const provider = createLocalDbKeyProvider(store);
    const keys = await Promise.all([provider(), provider(), provider()]);
    expect(new Set(keys).size).toBe(1);
    expect(store.sets).toBe(1);
  });

  it('differs between installations', async () => {
    const [a, b] = await Promise.all([createLocalDbKeyProvider(memoryStore())(), createLocalDbKeyProvider(memoryStore())()]);
    expect(a).not.toBe(b);
  });

  it('retries after a failed save instead of caching the failure', async () => {
    const store = memoryStore({ failFirstSet: true });
    const provider = createLocalDbKeyProvider(store);
    await expect(provider()).rejects.toThrow('disk full');
    const key = await provider();
    expect(store.values.get(LOCAL_DB_KEY_NAME)).toBe(key);
  });
});
