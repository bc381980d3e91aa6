import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoCourse } from '../../../src-main/cli/course-demo-case';
import { demoSignaturePng } from '../../../src-main/cli/demo-signature';
import { createP360SifAdapter } from '../../../src-main/services/archive/adapters/p360-sif.adapter';
import { openArchiveOutbox, type ArchiveOutbox } from '../../../src-main/services/archive/archive-outbox';
import { createDocumentsHandlers } from '../../../src-main/services/pdf/documents.handlers';
import { createDocumentStore } from '../../../src-main/services/pdf/document-store';
import { createDocumentsService, type DocumentsService } from '../../../src-main/services/pdf/documents.service';
import { createPdfRenderer } from '../../../src-main/services/pdf/pdf-renderer';
import { createDemoCertificates, type DemoCertificates, type DemoIdentity } from '../../../src-main/services/signing/demo-certificates';
import { createDocumentSigning } from '../../../src-main/services/signing/document-signing.service';
import { createPkcs12Signer } from '../../../src-main/services/signing/pkcs12-signer';
import type { CanvasClient } from '../../../src-main/services/canvas/canvas.client';
import { contractArchiveRecord } from '../../../src-shared/documents/course-contract-archive';
import { courseContractInput } from '../../../src-shared/documents/course-contract-input';
import { documentsCountersignContractChannel, documentsSignContractChannel } from '../../../src-shared/documents/documents.contract';
import { P360_REQUIRED_SETTINGS, startP360SifStandIn, type P360SifStandIn } from '../../stand-ins/p360-sif-server';
import { pdfsig, pdfText, resourcesDir, runOnPdf, withTempDir } from './tools';

const AUTH_KEY = 'stand-in-auth-key-contract';
const course = demoCourse();
/** The teaching resource with all three Norwegian letters in the name. */
const teacherName = 'Åsmund Kræmer Ødegård';
const caseDoc = { ...course.start, details: { ...course.start.details, teachingResource: { userId: course.teachingResource.id, name: teacherName } } };
const contract = courseContractInput(
  caseDoc,
  { institution: course.institution, departmentHead: course.departmentHead, teachingResourceEmail: 'asmund@undervisning.example.no' },
  '2026-08-18T08:00:00.000Z',
);
const flat = (text: string) => text.replace(/\s+/g, ' ');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let certificates: DemoCertificates;
let p360: P360SifStandIn;

beforeAll(() => {
  certificates = createDemoCertificates({
    institution: course.institution.name,
    coordinator: course.departmentHead.name,
    student: teacherName,
    now: new Date(),
  });
});
beforeEach(async () => {
  p360 = await startP360SifStandIn({ authKey: AUTH_KEY });
});
afterEach(() => p360.close());

async function withService(use: (service: DocumentsService, outbox: ArchiveOutbox) => Promise<void>) {
  await withTempDir(async (dir) => {
    const backend = (identity: DemoIdentity) =>
      createPkcs12Signer({ pkcs12: identity.pkcs12, password: async () => identity.password, label: identity.commonName });
    const renderer = createPdfRenderer({ resourcesDir });
    const adapter = createP360SifAdapter({ config: { baseUrl: p360.url, ...P360_REQUIRED_SETTINGS }, authKey: async () => AUTH_KEY });
    const outbox = await openArchiveOutbox({ dir: join(dir, 'outbox'), adapters: [adapter] });
    const service = createDocumentsService({
      renderer,
      signing: createDocumentSigning({ renderer, location: 'Oslo' }),
      store: createDocumentStore(join(dir, 'documents')),
      signers: {
        coordinator: async () => backend(certificates.coordinator),
        seal: async () => backend(certificates.seal),
        student: async () => undefined,
        teachingResource: async (name) => (name === teacherName ? backend(certificates.student) : undefined),
      },
      archive: outbox,
    });
    try {
      await use(service, outbox);
    } finally {
      await outbox.stop();
    }
  });
}

describe('the course contract (PDF/A, signed by the teaching resource, countersigned, archived)', () => {
  it('renders a PDF/A-2b contract with the parties, the course and the seed’s duties in Norwegian', async () => {
    const pdf = await createPdfRenderer({ resourcesDir }).courseContract(contract);
    const meta = await runOnPdf('pdfinfo', ['-meta'], pdf);
    expect(meta.stdout).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(meta.stdout).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    const text = flat(await pdfText(pdf));
    for (const expected of [
      'Kontrakt om undervisning – etter- og videreutdanning',
      teacherName,
      'EVU-VEI-H26 Veiledning av studenter i praksis',
      '10 studiepoeng, 6 samlinger',
      '5. oktober 2026 – 27. november 2026',
      'kr 14 900',
      'representert ved avdelingsleder Per Hansen',
      'undervise på kursets 6 samlinger',
      'teksten til kursets landingsside',
      'klargjøre kursets emne i Canvas',
      'innen tre uker etter innleveringsfristen',
      'elektronisk faktura (EHF) etter at kurset er gjennomført',
      'signeres av undervisningsressursen innen 1. september 2026',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('is signed by the teaching resource with a certificate, countersigned by the department head, and filed in the course’s case in P360', async () => {
    await withService(async (service, outbox) => {
      const signed = await service.signContract(
        documentsSignContractChannel.input.parse({ documentId: 'course-contract-1', contract, teachingResourceCertificate: true }),
      );
      expect(signed.signatures.map((signature) => signature.signer)).toEqual([teacherName]);
      expect((await pdfsig(Buffer.from(signed.pdfBase64, 'base64'))).map((signature) => signature.valid)).toEqual([true]);

      const countersigned = await service.countersignContract(
        documentsCountersignContractChannel.input.parse({
          documentId: 'course-contract-1',
          contract,
          teachingResourceSignedAt: signed.signatures[0]!.signedAt,
        }),
      );
      expect(countersigned.signatures.map((signature) => signature.signer)).toEqual([teacherName, 'Per Hansen']);
      const pdf = Buffer.from(countersigned.pdfBase64, 'base64');
      expect(sha256(pdf)).toBe(countersigned.sha256);
      // The teaching resource's revision is kept byte for byte inside the countersigned one.
      const first = Buffer.from(signed.pdfBase64, 'base64');
      expect(pdf.subarray(0, first.length - 1).equals(first.subarray(0, first.length - 1))).toBe(true);

      const report = await runOnPdf('pdfsig', [], pdf);
      expect(report.stdout.match(/^Signature #\d+:$/gm)).toHaveLength(2);
      expect(report.stdout.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
      expect(report.stdout).toMatch(/Signer Certificate Common Name: Åsmund Kræmer Ødegård/);
      expect(report.stdout).toMatch(/Signer Certificate Common Name: Per Hansen/);
      expect(report.stdout).toContain('Total document signed');
      const signatures = await pdfsig(pdf);
      expect(signatures.map((signature) => [signature.valid, signature.subFilter])).toEqual([
        [true, 'ETSI.CAdES.detached'],
        [true, 'ETSI.CAdES.detached'],
      ]);
      expect(signatures[1]!.coversAll).toBe(true);
      expect(flat(await pdfText(pdf))).toContain(teacherName);
      expect(await service.read({ documentId: 'course-contract-1' })).toEqual({ pdfBase64: countersigned.pdfBase64, sha256: countersigned.sha256 });

      const record = contractArchiveRecord({
        caseDoc,
        contract,
        documentId: 'course-contract-1',
        signedBy: countersigned.signatures.map((signature) => signature.signer),
      });
      const queued = await service.archiveEnqueue({ target: 'p360', record });
      expect(queued.status).toBe('queued');
      await outbox.processDue();
      expect(await service.archiveList()).toEqual([expect.objectContaining({ id: queued.id, status: 'archived', reference: '26/00001-1' })]);
      const created = p360.requests.find((request) => request.method === 'CreateDocument')?.parameter;
      expect(created).toMatchObject({
        Title: 'Kontrakt om undervisning – EVU-VEI-H26 Veiledning av studenter i praksis',
        Category: 'Dokument ut',
        DocumentDate: '2026-08-18',
      });
      expect(created).toMatchObject({ UnregisteredContacts: [{ Role: 'Mottaker', ContactName: teacherName, Email: 'asmund@undervisning.example.no' }] });
      // A case folder of the course, not a Studentmappe; nobody's national ID anywhere in the calls.
      expect(p360.cases).toEqual([expect.objectContaining({ CaseType: 'Sak', Title: caseDoc.title, ArchiveCodes: [] })]);
      expect(p360.requests.map((request) => request.method)).toEqual(['GetCases', 'CreateCase', 'CreateDocument']);
      expect(JSON.stringify(p360.requests.map(({ parameter: { Files: _files, ...rest } }) => rest))).not.toMatch(/(?<!\d)\d{11}(?!\d)/);
      expect(p360.documents[0]?.files[0]?.bytes.equals(pdf)).toBe(true);
    });
  });

  it('places the drawn signature for a teaching resource without a certificate; the countersignature is the one PAdES signature', async () => {
    await withService(async (service) => {
      const drawn = { ...contract, teachingResourceSignature: { pngBase64: demoSignaturePng().toString('base64'), signedAt: '2026-08-20T12:00:00.000Z' } };
      const signed = await service.signContract({ documentId: 'course-contract-2', contract: drawn, teachingResourceCertificate: false });
      expect(signed.signatures).toEqual([{ signer: teacherName, signedAt: '2026-08-20T12:00:00.000Z' }]);
      expect(flat(await pdfText(Buffer.from(signed.pdfBase64, 'base64')))).toContain('Signert på skjerm 20.08.2026 kl. 14:00');
      const countersigned = await service.countersignContract({
        documentId: 'course-contract-2',
        contract: drawn,
        teachingResourceSignedAt: '2026-08-20T12:00:00.000Z',
      });
      expect(await pdfsig(Buffer.from(countersigned.pdfBase64, 'base64'))).toMatchObject([{ valid: true, signer: 'Per Hansen', coversAll: true }]);
    });
  });

  it('refuses a contract nobody signed, a certificate that is not there, a countersignature without the signed contract, and a re-signing', async () => {
    await withService(async (service) => {
      await expect(service.signContract({ documentId: 'c-3', contract, teachingResourceCertificate: false })).rejects.toMatchObject({ kind: 'precondition' });
      const stranger = { ...contract, teachingResource: { ...contract.teachingResource, name: 'Ola Nordmann' } };
      await expect(service.signContract({ documentId: 'c-3', contract: stranger, teachingResourceCertificate: true })).rejects.toMatchObject({
        kind: 'precondition',
      });
      await expect(service.countersignContract({ documentId: 'c-3', contract, teachingResourceSignedAt: '2026-08-20T12:00:00.000Z' })).rejects.toMatchObject({
        kind: 'not-found',
      });
      await service.signContract({ documentId: 'c-4', contract, teachingResourceCertificate: true });
      // Signed again (new bytes under the same id): never replaces the kept contract.
      await expect(service.signContract({ documentId: 'c-4', contract, teachingResourceCertificate: true })).rejects.toMatchObject({ kind: 'conflict' });
    });
  });

  it('serves the two channels through the handlers', async () => {
    await withService(async (service) => {
      const handlers = createDocumentsHandlers(service, { courseworkStatus: async () => [] } satisfies CanvasClient);
      const signed = documentsSignContractChannel.output.parse(
        await handlers.documentsSignContract(documentsSignContractChannel.input.parse({ documentId: 'c-5', contract, teachingResourceCertificate: true })),
      );
      const countersigned = documentsCountersignContractChannel.output.parse(
        await handlers.documentsCountersignContract({ documentId: 'c-5', contract, teachingResourceSignedAt: signed.signatures[0]!.signedAt }),
      );
      expect(countersigned.signatures).toHaveLength(2);
      expect(
        documentsSignContractChannel.input.safeParse({ documentId: 'c-5', contract: { ...contract, fee: ' ' }, teachingResourceCertificate: true }).success,
      ).toBe(false);
    });
  });
});
