import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../../../src-shared/kernel/app-error';
import { secretNameSchema, type SecureStore } from '../secure-store/secure-store';
import { createPkcs12Signer } from './pkcs12-signer';
import type { SignerBackend } from './signer-backend';

/**
 * Where each signing key is configured. PKCS#12 works today. PKCS#11 (smart cards, HSMs) and
 * remote signing services (e.g. a national e-ID signing API or a seal service) are the two other
 * kinds a `SignerBackend` is meant for: add their implementation here, nothing above changes.
 */
export const signerConfigSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pkcs12'),
    /** Path of the .p12/.pfx file. */
    file: z.string().min(1).max(1000),
    /** Name of the secure-store entry holding the file's password. */
    passwordSecret: secretNameSchema,
  }),
  z.object({
    kind: z.literal('pkcs11'),
    module: z.string().min(1).max(1000),
    slot: z.number().int().min(0),
    pinSecret: secretNameSchema,
  }),
  z.object({
    kind: z.literal('remote'),
    url: z.url({ protocol: /^https$/ }),
    credentialSecret: secretNameSchema,
  }),
]);
export type SignerConfig = z.infer<typeof signerConfigSchema>;

export function createSignerBackend(rawConfig: unknown, deps: { secureStore: Pick<SecureStore, 'get'>; label: string }): SignerBackend {
  const config = signerConfigSchema.parse(rawConfig);
  switch (config.kind) {
    case 'pkcs12':
      return createPkcs12Signer({
        pkcs12: () => readFile(config.file),
        password: () => deps.secureStore.get(config.passwordSecret),
        label: deps.label,
      });
    case 'pkcs11':
      throw new AppError('precondition', `PKCS#11 signing (${deps.label}) is not available in this version`);
    case 'remote':
      throw new AppError('precondition', `Remote signing (${deps.label}) is not available in this version`);
  }
}
