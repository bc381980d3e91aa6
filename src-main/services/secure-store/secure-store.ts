import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../../../src-shared/kernel/app-error';
import { writeFileAtomic } from '../fs/atomic-write';
import { createSerialQueue } from '../fs/serial-queue';

/** Small secrets (keys, tokens) kept by the main process; never sent anywhere but the own renderer. */
export interface SecureStore {
  get(name: string): Promise<string | undefined>;
  set(name: string, value: string): Promise<void>;
}

/** How one secret is turned into the text kept on disk and back. */
export interface SecretCodec {
  /** Written into the file so a file made by one codec is never read with another. */
  readonly format: string;
  encode(value: string): string;
  decode(stored: string): string;
}

export const secretNameSchema = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,63}$/, 'lower-case letters, digits, dot, dash');

const secretsFileSchema = z.object({
  format: z.string(),
  secrets: z.record(secretNameSchema, z.string()),
});
type SecretsFile = z.infer<typeof secretsFileSchema>;

/**
 * A secure store kept as one JSON file (mode 0600) whose values are encoded by the codec.
 * A corrupt or foreign file is an error, never silently replaced: replacing it would lose the
 * key of the encrypted local replica.
 */
export function createFileBackedSecureStore(filePath: string, codec: SecretCodec): SecureStore {
  const serial = createSerialQueue();

  async function readStore(): Promise<SecretsFile> {
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { format: codec.format, secrets: {} };
      throw new AppError('internal', `Secure store ${filePath} could not be read: ${String(error)}`);
    }
    const parsed = parseSecretsFile(text);
    if (!parsed) {
      throw new AppError('internal', `Secure store ${filePath} is corrupt; it was left untouched for recovery`);
    }
    if (parsed.format !== codec.format) {
      throw new AppError('precondition', `Secure store ${filePath} was written as "${parsed.format}", not "${codec.format}"; it was left untouched`);
    }
    return parsed;
  }

  return {
    get: (name) =>
      serial(async () => {
        const stored = (await readStore()).secrets[secretNameSchema.parse(name)];
        return stored === undefined ? undefined : codec.decode(stored);
      }),
    set: (name, value) =>
      serial(async () => {
        const store = await readStore();
        store.secrets[secretNameSchema.parse(name)] = codec.encode(value);
        await writeFileAtomic(filePath, `${JSON.stringify(store, null, 2)}\n`, { mode: 0o600 });
      }),
  };
}

function parseSecretsFile(text: string): SecretsFile | undefined {
  try {
    const parsed = secretsFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
