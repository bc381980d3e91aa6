import { createHash } from 'node:crypto';
import type * as asn1js from 'asn1js';
import { ContentInfo, SignedData } from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCadesDetachedSignature } from './cades-signature';
import { createDemoCertificates, type DemoCertificates } from './demo-certificates';
import { createPkcs12Signer } from './pkcs12-signer';

let certificates: DemoCertificates;
beforeAll(() => {
  certificates = createDemoCertificates({ institution: 'Testhøgskolen', coordinator: 'Kari Nordmann', student: 'Åse Ødegård', now: new Date() });
});

const signerFor = (identity: DemoCertificates['seal']) =>
  createPkcs12Signer({ pkcs12: identity.pkcs12, password: async () => identity.password, label: 'test' });

function parse(cms: Buffer): SignedData {
  return new SignedData({ schema: ContentInfo.fromBER(cms).content });
}

describe('CAdES detached signature', () => {
  it('verifies over the content, and fails over other content', async () => {
    const content = Buffer.from('the signed byte ranges of a PDF');
    const bytes = (buffer: Buffer) => new Uint8Array(buffer).buffer;
    const signedData = parse(await createCadesDetachedSignature(content, signerFor(certificates.seal)));
    expect(await signedData.verify({ signer: 0, data: bytes(content), checkChain: false })).toBe(true);
    await expect(signedData.verify({ signer: 0, data: bytes(Buffer.from('other bytes')), checkChain: false })).rejects.toThrow();
  });

  it('carries content-type, message-digest and signing-certificate-v2 bound to the signer certificate, and no signing-time', async () => {
    const signer = signerFor(certificates.coordinator);
    const [signerCertificate, caCertificate] = await signer.certificateChain();
    const signedData = parse(await createCadesDetachedSignature(Buffer.from('x'), signer));
    expect(signedData.encapContentInfo.eContent).toBeUndefined(); // detached
    expect(signedData.certificates).toHaveLength(2);
    expect(caCertificate).toBeDefined();

    const attributes = signedData.signerInfos[0]?.signedAttrs?.attributes ?? [];
    expect(attributes.map((attribute) => attribute.type).sort()).toEqual(['1.2.840.113549.1.9.16.2.47', '1.2.840.113549.1.9.3', '1.2.840.113549.1.9.4']);
    const v2 = attributes.find((attribute) => attribute.type === '1.2.840.113549.1.9.16.2.47')?.values[0] as asn1js.Sequence;
    const essCertIdV2 = (v2.valueBlock.value[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
    const certHash = essCertIdV2.valueBlock.value[0] as asn1js.OctetString;
    expect(Buffer.from(certHash.valueBlock.valueHexView).toString('hex')).toBe(
      createHash('sha256')
        .update(signerCertificate as Uint8Array)
        .digest('hex'),
    );
    expect(signedData.signerInfos[0]?.signatureAlgorithm.algorithmId).toBe('1.2.840.113549.1.1.11');
  });
});
