import {
  arrayBufferToBase64,
  base64ToArrayBuffer,
  clone,
  getProperty,
  hasEncryption,
  setProperty,
  wrapRxStorageInstance,
  type RxJsonSchema,
  type RxStorage,
} from 'rxdb';

/**
 * Encryption at rest of the schema's `encrypted` fields (conversation notes, national IDs), with
 * the Web Crypto API: AES-256-GCM, a fresh 96-bit IV per value, and one key derived from the
 * database password (PBKDF2-SHA-256) when the replica opens. It replaces RxDB's crypto-js plugin,
 * which derives a key with MD5 for every single value and made a first sync of 10,000 cases spend
 * most of its time in JavaScript AES. A stored value is `gcm1:` + base64(IV ‖ ciphertext ‖ tag).
 */
const FORMAT = 'gcm1:';
const IV_BYTES = 12;
const KDF_ITERATIONS = 100_000;
/** Fixed salt: the password is already a random per-installation key from the secure store. */
const KDF_SALT = new TextEncoder().encode('saksflyt.replica.fields.v1');
export const MIN_PASSWORD_LENGTH = 8;

/** A Web Crypto key (named structurally: the renderer and Node type it from different libs). */
type FieldKey = Awaited<ReturnType<typeof crypto.subtle.deriveKey>>;

const keys = new Map<string, Promise<FieldKey>>();

/** The AES-GCM key of a database password, derived once per process. */
export function fieldKey(password: string): Promise<FieldKey> {
  let key = keys.get(password);
  if (!key) {
    key = crypto.subtle
      .importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveKey'])
      .then((material) =>
        crypto.subtle.deriveKey(
          { name: 'PBKDF2', hash: 'SHA-256', salt: KDF_SALT, iterations: KDF_ITERATIONS },
          material,
          { name: 'AES-GCM', length: 256 },
          false,
          ['encrypt', 'decrypt'],
        ),
      );
    keys.set(password, key);
  }
  return key;
}

export async function encryptValue(key: FieldKey, value: unknown): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(value))));
  const stored = new Uint8Array(IV_BYTES + sealed.length);
  stored.set(iv);
  stored.set(sealed, IV_BYTES);
  return FORMAT + arrayBufferToBase64(stored.buffer);
}

export async function decryptValue(key: FieldKey, stored: unknown): Promise<unknown> {
  if (typeof stored !== 'string' || !stored.startsWith(FORMAT)) {
    throw new Error('An encrypted field of the local replica is not in the expected format');
  }
  const bytes = new Uint8Array(base64ToArrayBuffer(stored.slice(FORMAT.length)));
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES) }, key, bytes.subarray(IV_BYTES));
  return JSON.parse(new TextDecoder().decode(plain)) as unknown;
}

/** The schema as the storage below sees it: every encrypted field is a plain string. */
function storedSchema<T>(schema: RxJsonSchema<T>, paths: readonly string[]): RxJsonSchema<T> {
  const stored = clone(schema);
  delete stored.encrypted;
  for (const path of paths) {
    const parts = path.split('.');
    let level = stored as { properties: Record<string, unknown> };
    for (const part of parts.slice(0, -1)) level = level.properties[part] as typeof level;
    level.properties[parts.at(-1)!] = { type: 'string' };
  }
  return stored;
}

/** Wraps a storage so that the schema's `encrypted` fields are stored encrypted (see above). */
export function wrappedFieldEncryptionStorage<Internals, Options>(args: { storage: RxStorage<Internals, Options> }): RxStorage<Internals, Options> {
  return {
    ...args.storage,
    async createStorageInstance(params) {
      if (!hasEncryption(params.schema)) return args.storage.createStorageInstance(params);
      if (typeof params.password !== 'string' || params.password.length < MIN_PASSWORD_LENGTH) {
        throw new Error(`The ${params.collectionName} collection has encrypted fields: the database needs a key of at least ${MIN_PASSWORD_LENGTH} characters`);
      }
      if (params.schema.attachments?.encrypted) throw new Error('Encrypted attachments are not supported');
      const paths = params.schema.encrypted ?? [];
      const key = fieldKey(params.password);
      const nested = paths.some((path) => path.includes('.'));
      const transform =
        (change: (key: FieldKey, value: unknown) => Promise<unknown>) =>
        async <D>(doc: D): Promise<D> => {
          const copy = (nested ? clone(doc) : { ...doc }) as D & object;
          for (const path of paths) {
            const value = getProperty(copy, path);
            if (value !== undefined) setProperty(copy, path, await change(await key, value));
          }
          return copy;
        };
      const instance = await args.storage.createStorageInstance({ ...params, schema: storedSchema(params.schema, paths) });
      return wrapRxStorageInstance(params.schema, instance, transform(encryptValue), transform(decryptValue));
    },
  };
}
