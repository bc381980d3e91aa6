import { createPublicKey, verify, X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/kernel/app-error';
import { createDemoCertificates, type DemoCertificates } from './demo-certificates';
import { createPkcs12Signer } from './pkcs12-signer';

let certificates: DemoCertificates;
beforeAll(() => {
  certificates = createDemoCertificates({ institution: 'Testhøgskolen', coordinator: 'Kari Nordmann', student: 'Åse Ødegård', now: new Date() });
});

describe('PKCS#12 signer backend', () => {
  it('returns the chain signer-first and signs with the key of the first certificate', async () => {
    const { seal } = certificates;
    const signer = createPkcs12Signer({ pkcs12: seal.pkcs12, password: async () => seal.password, label: 'seal' });
    const [own, issuer] = (await signer.certificateChain()).map((der) => new X509Certificate(der));
    expect(own?.subject).toContain('CN=Testhøgskolen – virksomhetssegl');
    expect(own && issuer && own.checkIssued(issuer)).toBe(true);
    const data = Buffer.from('bytes to sign');
    const signature = await signer.signRaw(data);
    expect(verify('sha256', data, createPublicKey(own?.publicKey.export({ type: 'spki', format: 'pem' }) ?? ''), signature)).toBe(true);
  });

  it('asks the secure store once, and refuses a missing or wrong password with a precondition error', async () => {
    const { student } = certificates;
    let asked = 0;
    const signer = createPkcs12Signer({ pkcs12: student.pkcs12, password: async () => (asked++, student.password), label: 'student' });
    await signer.signRaw(Buffer.from('a'));
    await signer.signRaw(Buffer.from('b'));
    expect(asked).toBe(1);

    const missing = createPkcs12Signer({ pkcs12: student.pkcs12, password: async () => undefined, label: 'student' });
    await expect(missing.certificateChain()).rejects.toMatchObject({ kind: 'precondition' });
    const wrong = createPkcs12Signer({ pkcs12: student.pkcs12, password: async () => 'not-the-password', label: 'student' });
    const failure = wrong.signRaw(Buffer.from('a'));
    await expect(failure).rejects.toBeInstanceOf(AppError);
    await expect(failure).rejects.toMatchObject({ kind: 'precondition' });
  });
});
