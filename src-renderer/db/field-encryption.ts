import {
  arrayBufferToBase64,
  base64ToArrayBuffer,
  clone,
  getPrimaryFieldOfPrimaryKey,
  getProperty,
  hasEncryption,
  setProperty,
  wrapRxStorageInstance,
  type RxJsonSchema,
  type RxStorage,
} from 'rxdb';

/**
 * Encryption at rest of the schema's `encrypted` fields (src-shared/db/encrypted-fields.ts), with
 * the Web Crypto API: AES-256-GCM, a fresh 96-bit IV per value, and one key derived from the
 * database password (PBKDF2-SHA-256) once per process. It replaces RxDB's crypto-js plugin, which
 * derives a key with MD5 for every single value and made a first sync of 10,000 cases spend most
 * of its time in JavaScript AES. A stored value is `gcm2:` + base64(IV ‖ ciphertext ‖ tag), sealed
 * with its place as associated data (collection, primary key, field path): moved to another record
 * or field, it no longer decrypts. `gcm1:` values (the same without associated data) are read only
 * where an older app wrote them, so that its replica migrates; nothing writes them any more.
 */
const FORMAT = 'gcm2:';
const LEGACY_FORMAT = 'gcm1:';
/** The fields older apps encrypted (notes' text, national IDs, and their replication metadata), up to schema version 1. */
const LEGACY_PATHS = new Set(['text', 'nationalId', 'docData']);
const LEGACY_MAX_VERSION = 1;
const IV_BYTES = 12;
const KDF_ITERATIONS = 100_000;
/** Fixed salt: the password is already a random per-installation key from the secure store. */
const KDF_SALT = new TextEncoder().encode('saksflyt.replica.fields.v1');
export const MIN_PASSWORD_LENGTH = 8;

/** A Web Crypto key (named structurally: the renderer and Node type it from different libs). */
type FieldKey = Awaited<ReturnType<typeof crypto.subtle.deriveKey>>;

/** Where a value belongs: the associated data it is sealed with. */
export interface FieldPlace {
  collection: string;
  id: string;
  path: string;
}

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

/** Chromium's own base64 codec (Uint8Array.toBase64 / fromBase64), where there is one; RxDB's in Node. */
const nativeBase64 = Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> };
const toBase64 = (bytes: Uint8Array): string => {
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  return native ? native.call(bytes) : arrayBufferToBase64(bytes.buffer as ArrayBuffer);
};
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => nativeBase64.fromBase64?.(text) ?? new Uint8Array(base64ToArrayBuffer(text));

/** One codec for every value (a first sync seals hundreds of thousands). */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const associatedData = (place: FieldPlace) => encoder.encode(`${place.collection}\u0000${place.id}\u0000${place.path}`);

export async function encryptValue(key: FieldKey, value: unknown, place: FieldPlace): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plain = encoder.encode(JSON.stringify(value));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: associatedData(place) }, key, plain));
  const stored = new Uint8Array(IV_BYTES + sealed.length);
  stored.set(iv);
  stored.set(sealed, IV_BYTES);
  return FORMAT + toBase64(stored);
}

/** Reads a stored value back; `legacy` also accepts the `gcm1:` values of older apps. */
export async function decryptValue(key: FieldKey, stored: unknown, place: FieldPlace, legacy = false): Promise<unknown> {
  const format = typeof stored === 'string' ? [FORMAT, ...(legacy ? [LEGACY_FORMAT] : [])].find((prefix) => stored.startsWith(prefix)) : undefined;
  if (!format) throw new Error('An encrypted field of the local replica is not in the expected format');
  const bytes = fromBase64((stored as string).slice(format.length));
  const algorithm = { name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES), ...(format === FORMAT ? { additionalData: associatedData(place) } : {}) };
  const plain = await crypto.subtle.decrypt(algorithm, key, bytes.subarray(IV_BYTES));
  return JSON.parse(decoder.decode(plain)) as unknown;
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
      const primaryPath = getPrimaryFieldOfPrimaryKey(params.schema.primaryKey) as string;
      const legacy = params.schema.version <= LEGACY_MAX_VERSION && paths.every((path) => LEGACY_PATHS.has(path));
      const nested = paths.some((path) => path.includes('.'));
      // One document's values are sealed together (in parallel) with the one key.
      const transform =
        (change: (key: FieldKey, value: unknown, place: FieldPlace) => Promise<unknown>) =>
        async <D>(doc: D): Promise<D> => {
          const copy = (nested ? clone(doc) : { ...doc }) as D & Record<string, unknown>;
          const id = String(copy[primaryPath]);
          const docKey = await key;
          const present = paths.filter((path) => getProperty(copy, path) !== undefined);
          const values = await Promise.all(present.map((path) => change(docKey, getProperty(copy, path), { collection: params.collectionName, id, path })));
          present.forEach((path, index) => setProperty(copy, path, values[index]));
          return copy;
        };
      const instance = await args.storage.createStorageInstance({ ...params, schema: storedSchema(params.schema, paths) });
      const decryptField = (docKey: FieldKey, value: unknown, place: FieldPlace) => decryptValue(docKey, value, place, legacy);
      const [encryptDoc, decryptDoc] = [transform(encryptValue), transform(decryptField)];
      // RxDB hands a document it just wrote back as the very object the storage got (in the write's
      // change event, in a write error): its plain form is known, so it is not decrypted again.
      const plainOf = new WeakMap<object, unknown>();
      const toStored = async <D>(doc: D): Promise<D> => {
        const stored = await encryptDoc(doc);
        plainOf.set(stored as object, doc);
        return stored;
      };
      const fromStored = <D>(stored: D): Promise<D> => {
        const plain = plainOf.get(stored as object) as D | undefined;
        return plain ? Promise.resolve(plain) : decryptDoc(stored);
      };
      return wrapRxStorageInstance(params.schema, instance, toStored, fromStored);
    },
  };
}
