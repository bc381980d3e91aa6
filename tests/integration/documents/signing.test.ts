import { beforeAll, describe, expect, it } from 'vitest';
import { demoFollowUpCase } from '../../../src-main/cli/demo-case';
import { demoSignaturePng } from '../../../src-main/cli/demo-signature';
import { createPdfRenderer } from '../../../src-main/services/pdf/pdf-renderer';
import { createDemoCertificates, type DemoCertificates, type DemoIdentity } from '../../../src-main/services/signing/demo-certificates';
import { createDocumentSigning, type DocumentSigning, type SignedDocument } from '../../../src-main/services/signing/document-signing.service';
import { createPkcs12Signer } from '../../../src-main/services/signing/pkcs12-signer';
import { pdfsig, pdfText, resourcesDir, runOnPdf, tamperedCopy } from './tools';

const demo = demoFollowUpCase();
const signedOnScreen = { pngBase64: demoSignaturePng().toString('base64'), signedAt: '2026-10-20T10:30:00.000Z' };
let certificates: DemoCertificates;
let signing: DocumentSigning;
let protocol: SignedDocument;

const backend = (identity: DemoIdentity) =>
  createPkcs12Signer({ pkcs12: identity.pkcs12, password: async () => identity.password, label: identity.commonName });

beforeAll(async () => {
  certificates = createDemoCertificates({
    institution: demo.institution.name,
    coordinator: demo.coordinator.name,
    student: demo.student.name,
    now: new Date(),
  });
  let tick = 0;
  signing = createDocumentSigning({
    renderer: createPdfRenderer({ resourcesDir }),
    location: 'Oslo',
    now: () => new Date(Date.UTC(2026, 9, 20, 11, tick++)),
  });
  protocol = await signing.signProtocol(
    { ...demo.protocol, studentSignature: signedOnScreen },
    { coordinator: backend(certificates.coordinator), student: backend(certificates.student) },
  );
});

describe('PAdES signatures, checked by pdfsig', () => {
  it('signs the protocol twice, each signature an incremental revision, and pdfsig finds both valid', async () => {
    const signatures = await pdfsig(protocol.pdf);
    expect(signatures).toEqual([
      { signer: 'Kari Nordmann', valid: true, subFilter: 'ETSI.CAdES.detached', coversAll: false },
      { signer: 'Åse Ødegård', valid: true, subFilter: 'ETSI.CAdES.detached', coversAll: true },
    ]);
    expect(protocol.signatures.map((signature) => signature.signer)).toEqual(['Åse Ødegård', 'Kari Nordmann', 'Åse Ødegård']);
    expect(protocol.signatures[0]?.signedAt).toBe(signedOnScreen.signedAt);

    // The first signature's byte range ends where the second revision starts: nothing was re-saved.
    const byteRanges = [...protocol.pdf.toString('latin1').matchAll(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/g)].map((match) => match.slice(1).map(Number));
    expect(byteRanges).toHaveLength(2);
    const [first, second] = byteRanges as [number[], number[]];
    const firstRevisionEnd = (first[2] ?? 0) + (first[3] ?? 0);
    expect(protocol.pdf.subarray(firstRevisionEnd - 5, firstRevisionEnd).toString('latin1')).toBe('%%EOF');
    expect((second[2] ?? 0) + (second[3] ?? 0)).toBe(protocol.pdf.length);

    const check = await runOnPdf('qpdf', ['--check'], protocol.pdf);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stderr).not.toContain('WARNING');
    expect(await pdfText(protocol.pdf)).toContain('Åse Ødegård');
  });

  it('reports a tampered copy invalid: one flipped byte inside the signed content', async () => {
    const signatures = await pdfsig(tamperedCopy(protocol.pdf));
    expect(signatures).toHaveLength(2);
    expect(signatures.map((signature) => signature.valid)).toEqual([false, false]);
  });

  it('signs with the coordinator alone when the student has no certificate', async () => {
    const signed = await signing.signProtocol({ ...demo.protocol, studentSignature: signedOnScreen }, { coordinator: backend(certificates.coordinator) });
    expect(await pdfsig(signed.pdf)).toEqual([{ signer: 'Kari Nordmann', valid: true, subFilter: 'ETSI.CAdES.detached', coversAll: true }]);
  });

  it('refuses to sign a protocol the student has not signed on screen', async () => {
    await expect(signing.signProtocol(demo.protocol, { coordinator: backend(certificates.coordinator) })).rejects.toMatchObject({
      kind: 'precondition',
    });
  });

  it('seals the decision letter with the institution seal', async () => {
    const sealed = await signing.sealDecision(demo.decision, backend(certificates.seal));
    expect(await pdfsig(sealed.pdf)).toEqual([
      { signer: 'Høgskolen for helse og omsorg – virksomhetssegl', valid: true, subFilter: 'ETSI.CAdES.detached', coversAll: true },
    ]);
    expect(sealed.signatures).toEqual([{ signer: 'Høgskolen for helse og omsorg', signedAt: expect.any(String) }]);
  });
});
