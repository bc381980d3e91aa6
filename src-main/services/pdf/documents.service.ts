import { createHash } from 'node:crypto';
import type { ArchiveEntry, IssuedDocument, PreviewInput } from '../../../src-shared/documents/documents.contract';
import type { ApprovalDecisionInput } from '../../../src-shared/documents/approval-decision.schema';
import type { ArchiveClosure, ArchiveRecord } from '../../../src-shared/documents/archive-record.schema';
import type { CourseContractInput } from '../../../src-shared/documents/course-contract.schema';
import type { DecisionInput } from '../../../src-shared/documents/decision.schema';
import type { ProtocolInput } from '../../../src-shared/documents/protocol.schema';
import type { SummonsInput } from '../../../src-shared/documents/summons.schema';
import { AppError } from '../../../src-shared/kernel/app-error';
import { caseIdOfEntry, type ArchiveOutbox, type OutboxEntry } from '../archive/archive-outbox';
import type { DocumentSigning, SignedDocument } from '../signing/document-signing.service';
import type { SignerBackend } from '../signing/signer-backend';
import type { DocumentStore } from './document-store';
import type { PdfRenderer } from './pdf-renderer';

/** The keys the documents need, resolved when used (so a locked or missing key fails that call only). */
export interface DocumentSigners {
  /** The staff key of this installation: the coordinator's protocol, the department head's countersignature. */
  coordinator(): Promise<SignerBackend>;
  seal(): Promise<SignerBackend>;
  /** The student's own certificate, when this installation can reach one (PKCS#11 token, remote service). */
  student(studentNumber: string): Promise<SignerBackend | undefined>;
  /** A course's teaching resource's own certificate, by name, where this installation can reach one. */
  teachingResource?(name: string): Promise<SignerBackend | undefined>;
}

/**
 * The main process's documents pipeline behind the IPC contracts in
 * src-shared/documents/documents.contract.ts: one method per channel, same input and output.
 */
export interface DocumentsService {
  preview(input: PreviewInput): Promise<{ pdfBase64: string; sha256: string }>;
  issueSummons(input: { documentId: string; summons: SummonsInput }): Promise<IssuedDocument>;
  signProtocol(input: { documentId: string; protocol: ProtocolInput; studentCertificate: boolean }): Promise<IssuedDocument>;
  sealDecision(input: { documentId: string; decision: DecisionInput }): Promise<IssuedDocument>;
  sealApprovalDecision(input: { documentId: string; decision: ApprovalDecisionInput }): Promise<IssuedDocument>;
  signContract(input: { documentId: string; contract: CourseContractInput; teachingResourceCertificate: boolean }): Promise<IssuedDocument>;
  countersignContract(input: { documentId: string; contract: CourseContractInput; teachingResourceSignedAt: string }): Promise<IssuedDocument>;
  read(input: { documentId: string }): Promise<{ pdfBase64: string; sha256: string }>;
  archiveEnqueue(input: { target: ArchiveEntry['target']; record: ArchiveRecord }): Promise<ArchiveEntry>;
  archiveCloseCase(input: ArchiveClosure): Promise<ArchiveEntry[]>;
  archiveList(): Promise<ArchiveEntry[]>;
  archiveRetry(input: { id: string }): Promise<ArchiveEntry>;
}

const bytesOf = (pdf: Buffer) => ({ pdfBase64: pdf.toString('base64'), sha256: createHash('sha256').update(pdf).digest('hex') });

export function createDocumentsService(deps: {
  renderer: PdfRenderer;
  signing: DocumentSigning;
  store: DocumentStore;
  signers: DocumentSigners;
  archive: ArchiveOutbox;
}): DocumentsService {
  async function issue(documentId: string, document: SignedDocument): Promise<IssuedDocument> {
    await deps.store.put(documentId, document.pdf);
    return { documentId, ...bytesOf(document.pdf), signatures: document.signatures };
  }

  return {
    async preview(input) {
      switch (input.kind) {
        case 'summons':
          return bytesOf(await deps.renderer.summons(input.summons));
        case 'protocol':
          return bytesOf(await deps.renderer.protocol(input.protocol));
        case 'decision':
          return bytesOf(await deps.renderer.decision(input.decision));
        case 'approvalDecision':
          return bytesOf(await deps.renderer.approvalDecision(input.decision));
        case 'courseContract':
          return bytesOf(await deps.renderer.courseContract(input.contract));
      }
    },
    async issueSummons({ documentId, summons }) {
      return issue(documentId, { pdf: await deps.renderer.summons(summons), signatures: [] });
    },
    async signProtocol({ documentId, protocol, studentCertificate }) {
      const student = studentCertificate ? await deps.signers.student(protocol.student.studentNumber) : undefined;
      if (studentCertificate && !student) {
        throw new AppError('precondition', `No certificate is available for ${protocol.student.name}`);
      }
      const coordinator = await deps.signers.coordinator();
      return issue(documentId, await deps.signing.signProtocol(protocol, { coordinator, student }));
    },
    async sealDecision({ documentId, decision }) {
      return issue(documentId, await deps.signing.sealDecision(decision, await deps.signers.seal()));
    },
    async sealApprovalDecision({ documentId, decision }) {
      return issue(documentId, await deps.signing.sealApprovalDecision(decision, await deps.signers.seal()));
    },
    async signContract({ documentId, contract, teachingResourceCertificate }) {
      const own = teachingResourceCertificate ? await deps.signers.teachingResource?.(contract.teachingResource.name) : undefined;
      if (teachingResourceCertificate && !own) {
        throw new AppError('precondition', `No certificate is available for ${contract.teachingResource.name}`);
      }
      return issue(documentId, await deps.signing.signCourseContract(contract, own));
    },
    async countersignContract({ documentId, contract, teachingResourceSignedAt }) {
      const signed = {
        pdf: await deps.store.get(documentId),
        signatures: [{ signer: contract.teachingResource.name, signedAt: teachingResourceSignedAt }],
      };
      const countersigned = await deps.signing.countersignCourseContract(signed, contract, await deps.signers.coordinator());
      await deps.store.append(documentId, countersigned.pdf);
      return { documentId, ...bytesOf(countersigned.pdf), signatures: countersigned.signatures };
    },
    async read({ documentId }) {
      return bytesOf(await deps.store.get(documentId));
    },
    async archiveEnqueue({ target, record }) {
      const pdf = await deps.store.get(record.documentId);
      return toArchiveEntry(await deps.archive.enqueue({ target, record, pdf }));
    },
    archiveCloseCase: async (closure) => (await deps.archive.enqueueClosure(closure)).map(toArchiveEntry),
    archiveList: async () => (await deps.archive.list()).map(toArchiveEntry),
    archiveRetry: async ({ id }) => toArchiveEntry(await deps.archive.retry(id)),
  };
}

function toArchiveEntry(entry: OutboxEntry): ArchiveEntry {
  return {
    id: entry.id,
    caseId: caseIdOfEntry(entry),
    ...(entry.record ? { documentId: entry.record.documentId } : {}),
    target: entry.target as ArchiveEntry['target'],
    status: entry.status,
    attempts: entry.attempts,
    nextAttemptAt: entry.nextAttemptAt,
    ...(entry.lastError ? { lastError: entry.lastError } : {}),
    ...(entry.receipt ? { reference: entry.receipt.reference } : {}),
    updatedAt: entry.updatedAt,
  };
}
