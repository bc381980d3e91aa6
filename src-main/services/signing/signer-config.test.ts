import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoCertificates, type DemoCertificates } from './demo-certificates';
import { createSignerBackend } from './signer-config';

let certificates: DemoCertificates;
let dir: string;
beforeAll(async () => {
  certificates = createDemoCertificates({ institution: 'Testhøgskolen', coordinator: 'Kari Nordmann', student: 'Åse Ødegård', now: new Date() });
  dir = await mkdtemp(join(tmpdir(), 'saksflyt-signer-config-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const store = (secrets: Record<string, string>) => ({ get: async (name: string) => secrets[name] });

describe('createSignerBackend', () => {
  it('opens a configured PKCS#12 file with the password kept in the secure store', async () => {
    const file = join(dir, 'seal.p12');
    await writeFile(file, certificates.seal.pkcs12);
    const backend = createSignerBackend(
      { kind: 'pkcs12', file, passwordSecret: 'seal.p12-password' },
      { secureStore: store({ 'seal.p12-password': certificates.seal.password }), label: 'seal' },
    );
    const [own] = await backend.certificateChain();
    expect(new X509Certificate(own as Uint8Array).subject).toContain('virksomhetssegl');
  });

  it('names PKCS#11 and remote signing as not available yet, and rejects malformed configuration', () => {
    const deps = { secureStore: store({}), label: 'coordinator' };
    expect(() => createSignerBackend({ kind: 'pkcs11', module: '/usr/lib/opensc-pkcs11.so', slot: 0, pinSecret: 'pin' }, deps)).toThrow(
      expect.objectContaining({ kind: 'precondition' }),
    );
    expect(() => createSignerBackend({ kind: 'remote', url: 'https://sign.example.no', credentialSecret: 'token' }, deps)).toThrow(
      expect.objectContaining({ kind: 'precondition' }),
    );
    expect(() => createSignerBackend({ kind: 'pkcs12', file: '', passwordSecret: 'Bad Name' }, deps)).toThrow(/passwordSecret|file/);
  });
});
