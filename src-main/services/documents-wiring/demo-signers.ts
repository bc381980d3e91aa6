import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';
import type { SecureStore } from '../secure-store/secure-store';
import { createDemoCertificates } from '../signing/demo-certificates';
import { createSignerBackend } from '../signing/signer-config';
import type { SignerBackend } from '../signing/signer-backend';

export const DEMO_CERTIFICATES_DIR = 'demo-certificates';
const MANIFEST = 'demo-certificates.json';
const holders = ['coordinator', 'student', 'seal'] as const;
type Holder = (typeof holders)[number];

const manifestSchema = z.object({
  createdAt: z.string(),
  holders: z.record(z.enum(holders), z.object({ file: z.string(), commonName: z.string() })),
});

export type DemoSigners = Record<Holder, () => Promise<SignerBackend>>;

/**
 * DEMO keys for an installation with no real ones configured (demo and browser mode): a demo CA
 * with a coordinator, a student and a seal certificate, made once and kept as PKCS#12 files in
 * `dir` with their passwords in the secure store, so they open the same way real keys do.
 * Created on first use (never at start-up) and logged loudly: signatures made with them prove
 * nothing about anyone.
 */
export function createDemoSigners(options: {
  dir: string;
  secureStore: SecureStore;
  institution: string;
  warn: (message: string, context: Record<string, unknown>) => Promise<void>;
  now?: () => Date;
}): DemoSigners {
  const now = options.now ?? (() => new Date());
  const secretName = (holder: Holder) => `demo-signer.${holder}`;
  let ready: Promise<Record<Holder, SignerBackend>> | undefined;

  async function existing(): Promise<boolean> {
    try {
      manifestSchema.parse(JSON.parse(await readFile(join(options.dir, MANIFEST), 'utf8')));
    } catch {
      return false; // none yet, or an incomplete set: make a new one
    }
    const passwords = await Promise.all(holders.map((holder) => options.secureStore.get(secretName(holder))));
    return passwords.every((password) => password !== undefined);
  }

  async function create(): Promise<void> {
    const certificates = createDemoCertificates({
      institution: options.institution,
      coordinator: 'Demo-kullkoordinator (kun for test)',
      student: 'Demo-student (kun for test)',
      now: now(),
    });
    for (const holder of holders) {
      await writeFileAtomic(join(options.dir, `${holder}.p12`), certificates[holder].pkcs12, { mode: 0o600 });
      await options.secureStore.set(secretName(holder), certificates[holder].password);
    }
    await writeFileAtomic(join(options.dir, 'demo-ca.pem'), certificates.caCertificatePem);
    // Written last: it marks a complete set.
    const manifest = {
      createdAt: now().toISOString(),
      holders: Object.fromEntries(holders.map((holder) => [holder, { file: `${holder}.p12`, commonName: certificates[holder].commonName }])),
    };
    await writeFileAtomic(join(options.dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    await options.warn('Created DEMO signing certificates; signatures made with them are not valid for real use', { dir: options.dir });
  }

  async function open(): Promise<Record<Holder, SignerBackend>> {
    if (!(await existing())) await create();
    await options.warn('Signing with DEMO certificates (no real signing key is configured)', { dir: options.dir });
    const backend = (holder: Holder) =>
      createSignerBackend(
        { kind: 'pkcs12', file: join(options.dir, `${holder}.p12`), passwordSecret: secretName(holder) },
        { secureStore: options.secureStore, label: `demo ${holder}` },
      );
    return { coordinator: backend('coordinator'), student: backend('student'), seal: backend('seal') };
  }

  const backends = () => {
    ready ??= open().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };
  return {
    coordinator: async () => (await backends()).coordinator,
    student: async () => (await backends()).student,
    seal: async () => (await backends()).seal,
  };
}
