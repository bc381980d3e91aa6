import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoArchiveRecord, demoFollowUpCase } from '../../../src-main/cli/demo-case';
import { demoSignaturePng } from '../../../src-main/cli/demo-signature';
import { createFolderArchiveAdapter } from '../../../src-main/services/archive/adapters/folder.adapter';
import { openArchiveOutbox } from '../../../src-main/services/archive/archive-outbox';
import { createDocumentStore } from '../../../src-main/services/pdf/document-store';
import { createDocumentsService, type DocumentsService } from '../../../src-main/services/pdf/documents.service';
import { createPdfRenderer } from '../../../src-main/services/pdf/pdf-renderer';
import { createDemoCertificates, type DemoCertificates, type DemoIdentity } from '../../../src-main/services/signing/demo-certificates';
import { createDocumentSigning } from '../../../src-main/services/signing/document-signing.service';
import { createPkcs12Signer } from '../../../src-main/services/signing/pkcs12-signer';
import { createDocumentsHandlers } from '../../../src-main/services/pdf/documents.handlers';
import type { CanvasClient } from '../../../src-main/services/canvas/canvas.client';
import {
  archiveEnqueueChannel,
  archiveListChannel,
  documentsIssueSummonsChannel,
  documentsPreviewChannel,
  documentsReadChannel,
  documentsSignProtocolChannel,
  issuedDocumentSchema,
} from '../../../src-shared/documents/documents.contract';
import { pdfsig, resourcesDir, withTempDir } from './tools';

const demo = demoFollowUpCase();
const protocol = { ...demo.protocol, studentSignature: { pngBase64: demoSignaturePng().toString('base64'), signedAt: '2026-10-20T10:30:00.000Z' } };
let certificates: DemoCertificates;

beforeAll(() => {
  certificates = createDemoCertificates({
    institution: demo.institution.name,
    coordinator: demo.coordinator.name,
    student: demo.student.name,
    now: new Date(),
  });
});

async function withService(use: (service: DocumentsService, outbox: Awaited<ReturnType<typeof openArchiveOutbox>>) => Promise<void>) {
  await withTempDir(async (dir) => {
    const backend = (identity: DemoIdentity) =>
      createPkcs12Signer({ pkcs12: identity.pkcs12, password: async () => identity.password, label: identity.commonName });
    const renderer = createPdfRenderer({ resourcesDir });
    const outbox = await openArchiveOutbox({ dir: join(dir, 'outbox'), adapters: [createFolderArchiveAdapter({ dir: join(dir, 'archive') })] });
    const service = createDocumentsService({
      renderer,
      signing: createDocumentSigning({ renderer, location: 'Oslo' }),
      store: createDocumentStore(join(dir, 'documents')),
      signers: {
        coordinator: async () => backend(certificates.coordinator),
        seal: async () => backend(certificates.seal),
        student: async (studentNumber) => (studentNumber === demo.student.studentNumber ? backend(certificates.student) : undefined),
      },
      archive: outbox,
    });
    await use(service, outbox);
  });
}

describe('documents service (behind the IPC contracts)', () => {
  it('signs the protocol, keeps it write-once, and answers in the contract’s shape', async () => {
    await withService(async (service) => {
      const input = documentsSignProtocolChannel.input.parse({ documentId: 'doc-protocol-1', protocol, studentCertificate: true });
      const issued = issuedDocumentSchema.parse(await service.signProtocol(input));
      expect(issued.signatures.map((signature) => signature.signer)).toEqual(['Åse Ødegård', 'Kari Nordmann', 'Åse Ødegård']);
      const pdf = Buffer.from(issued.pdfBase64, 'base64');
      expect(createHash('sha256').update(pdf).digest('hex')).toBe(issued.sha256);
      expect((await pdfsig(pdf)).map((signature) => signature.valid)).toEqual([true, true]);

      expect(await service.read({ documentId: 'doc-protocol-1' })).toEqual({ pdfBase64: issued.pdfBase64, sha256: issued.sha256 });
      await expect(service.signProtocol(input)).rejects.toMatchObject({ kind: 'conflict' }); // never re-saved
      expect((await service.read({ documentId: 'doc-protocol-1' })).sha256).toBe(issued.sha256);
    });
  });

  it('refuses the student signature when no certificate is available, and previews without storing', async () => {
    await withService(async (service) => {
      const other = { ...protocol, student: { ...protocol.student, studentNumber: '999999' } };
      await expect(service.signProtocol({ documentId: 'doc-2', protocol: other, studentCertificate: true })).rejects.toMatchObject({
        kind: 'precondition',
      });
      const preview = await service.preview({ kind: 'decision', decision: demo.decision });
      expect(Buffer.from(preview.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
      await expect(service.read({ documentId: 'doc-2' })).rejects.toMatchObject({ kind: 'not-found' });
    });
  });

  it('archives an issued decision through the outbox and reports its status', async () => {
    await withService(async (service, outbox) => {
      const record = demoArchiveRecord(demo, 'decision', ['Høgskolen for helse og omsorg']);
      await expect(service.archiveEnqueue({ target: 'folder', record })).rejects.toMatchObject({ kind: 'not-found' });
      await service.sealDecision({ documentId: record.documentId, decision: demo.decision });
      const queued = await service.archiveEnqueue({ target: 'folder', record });
      expect(queued).toMatchObject({ documentId: record.documentId, target: 'folder', status: 'queued', attempts: 0 });
      await outbox.processDue();
      expect(await service.archiveList()).toEqual([
        expect.objectContaining({ id: queued.id, status: 'archived', reference: '2026-00042/vedtak-2026-00042-demo-case-0042-decision.pdf' }),
      ]);
      await expect(service.archiveRetry({ id: queued.id })).rejects.toMatchObject({ kind: 'conflict' });
    });
  });

  it('serves the channels: contract-parsed input in, contract-valid output out', async () => {
    await withService(async (service) => {
      const unusedCanvas: CanvasClient = { courseworkStatus: async () => [] };
      const handlers = createDocumentsHandlers(service, unusedCanvas);
      const call = async <I, O>(
        channel: { input: { parse(raw: unknown): I }; output: { parse(raw: unknown): O } },
        handler: (input: I) => Promise<unknown>,
        raw: unknown,
      ) => channel.output.parse(await handler(channel.input.parse(raw)));

      const preview = await call(documentsPreviewChannel, handlers.documentsPreview, { kind: 'summons', summons: demo.summons });
      const issued = await call(documentsIssueSummonsChannel, handlers.documentsIssueSummons, { documentId: 'doc-summons', summons: demo.summons });
      expect(issued.signatures).toEqual([]);
      expect(await call(documentsReadChannel, handlers.documentsRead, { documentId: 'doc-summons' })).toEqual({
        pdfBase64: issued.pdfBase64,
        sha256: issued.sha256,
      });
      expect(preview.pdfBase64.length).toBeGreaterThan(1000);
      const record = { ...demoArchiveRecord(demo, 'summons', []), documentId: 'doc-summons' };
      const entry = await call(archiveEnqueueChannel, handlers.archiveEnqueue, { target: 'folder', record });
      expect(await call(archiveListChannel, () => handlers.archiveList(), undefined)).toEqual([entry]);
    });
  });
});
