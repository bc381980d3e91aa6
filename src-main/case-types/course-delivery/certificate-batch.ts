import { createHash } from 'node:crypto';
import type { ArchiveRecord } from '../../../src-shared/documents/archive-record.schema';
import {
  certificateBatchInputSchema,
  certificateParticipantSchema,
  type CertificateBatchInput,
  type CertificateParticipant,
} from '../../../src-shared/documents/course-certificate-batch.schema';
import type { CourseCertificateInput } from '../../../src-shared/documents/course-certificate.schema';
import { AppError } from '../../../src-shared/kernel/app-error';
import type { ArchiveOutbox } from '../../services/archive/archive-outbox';
import type { FileAccess } from '../../services/fs/file-access';
import type { DocumentStore } from '../../services/pdf/document-store';
import type { DocumentSigning } from '../../services/signing/document-signing.service';
import type { SignerBackend } from '../../services/signing/signer-backend';
import { CERTIFICATE_TITLE } from './certificate.document';
import { openCertificateJournal } from './certificate-journal';

// The batch's input schemas are shared: the app's certificates channel parses its input with them.
export { certificateBatchInputSchema, certificateParticipantSchema, type CertificateBatchInput, type CertificateParticipant };

/** The certificate e-mail to one participant, with the sealed PDF attached. */
export interface CertificateEmail {
  /** Stable delivery id (derived from course id and participant id): a port that gets it twice must send once. */
  id: string;
  courseId: string;
  participantId: string;
  to: { name: string; email: string };
  subject: string;
  documentId: string;
  fileName: string;
  pdf: Buffer;
}

/** Queues a certificate e-mail; the app posts it to the server's letters API, tests use a stand-in. */
export type CertificateMailer = (email: CertificateEmail) => Promise<void>;

export interface CertificateBatchProgress {
  /** Participants finished, including those finished by an earlier run of the batch. */
  done: number;
  total: number;
  participantId: string;
  /** True when an earlier run had already finished this participant. */
  resumed: boolean;
}

export interface CertificateBatchResult {
  total: number;
  /** Issued and e-mailed by this run. */
  issued: number;
  /** Finished by an earlier, interrupted run. */
  resumed: number;
  documents: { participantId: string; documentId: string; sha256: string; fileName: string }[];
}

export interface CertificateBatchDeps {
  signing: DocumentSigning;
  seal: () => Promise<SignerBackend>;
  /** Where issued certificates are kept (write-once by document id). */
  store: DocumentStore;
  /** Folder of the batch journals, e.g. the documents folder. */
  journalDir: string;
  /** How the journals are kept: sealed in the app's data folder, plain by default. */
  journalFiles?: FileAccess;
  mailer: CertificateMailer;
  /** When set, each certificate is also handed to this archive adapter through the outbox. */
  archive?: { outbox: ArchiveOutbox; target: string };
  now?: () => Date;
}

const running = new Set<string>();

/**
 * Issues the course certificates (kursbevis) of everyone on the pass list as one batch: per
 * participant render, seal, keep, archive (when configured) and queue the e-mail, then record the
 * participant in the batch's journal. A batch stopped by an error or `signal` resumes when run
 * again with the same input; every step is idempotent by course id + participant id (the document
 * id, the archive record and the e-mail id are derived from them), so nobody gets two.
 */
export async function runCertificateBatch(
  deps: CertificateBatchDeps,
  rawInput: CertificateBatchInput,
  options: { onProgress?: (progress: CertificateBatchProgress) => void; signal?: AbortSignal } = {},
): Promise<CertificateBatchResult> {
  const input = certificateBatchInputSchema.parse(rawInput);
  const courseId = input.courseCase.id;
  if (running.has(courseId)) throw new AppError('conflict', `The certificates of course ${courseId} are being issued already`);
  running.add(courseId);
  try {
    return await issueAll(deps, input, options);
  } finally {
    running.delete(courseId);
  }
}

/**
 * Participants in progress at once: while one waits for the disk (document, journal) the next is
 * rendered and sealed. Rendering and sealing themselves run one at a time on the main thread.
 */
const IN_FLIGHT = 3;

async function issueAll(
  deps: CertificateBatchDeps,
  input: CertificateBatchInput,
  options: { onProgress?: (progress: CertificateBatchProgress) => void; signal?: AbortSignal },
): Promise<CertificateBatchResult> {
  const now = deps.now ?? (() => new Date());
  const courseId = input.courseCase.id;
  const journal = await openCertificateJournal({ dir: deps.journalDir, files: deps.journalFiles, courseId, textSha256: sha256(input.certificateText), now });
  const archived = deps.archive ? await archivedDocuments(deps.archive.outbox) : new Map<string, string>();
  const total = input.participants.length;
  const documents: (CertificateBatchResult['documents'][number] | undefined)[] = new Array(total);
  let done = 0;
  let issued = 0;
  let seal: Promise<SignerBackend> | undefined;

  const finish = (index: number, participant: CertificateParticipant, documentId: string, digest: string, resumed: boolean) => {
    documents[index] = { participantId: participant.id, documentId, sha256: digest, fileName: certificateFileName(input.course.code, participant) };
    done += 1;
    options.onProgress?.({ done, total, participantId: participant.id, resumed });
  };

  async function issueFor(index: number, participant: CertificateParticipant): Promise<void> {
    const documentId = certificateDocumentId(courseId, participant.id);
    const fileName = certificateFileName(input.course.code, participant);
    seal ??= deps.seal();
    const pdf = await issueOnce(deps, documentId, certificateInput(input, participant), await seal);
    let archiveEntryId = archived.get(documentId);
    if (deps.archive && !archiveEntryId) {
      const entry = await deps.archive.outbox.enqueue({
        target: deps.archive.target,
        record: certificateArchiveRecord(input, participant, documentId, fileName),
        pdf,
      });
      archiveEntryId = entry.id;
    }
    const emailId = certificateEmailId(courseId, participant.id);
    await deps.mailer({
      id: emailId,
      courseId,
      participantId: participant.id,
      to: { name: participant.name, email: participant.email },
      subject: `${CERTIFICATE_TITLE} – ${input.course.code} ${input.course.name}`,
      documentId,
      fileName,
      pdf,
    });
    const digest = sha256(pdf);
    await journal.markDone(participant.id, { documentId, sha256: digest, emailId, doneAt: now().toISOString(), ...(archiveEntryId ? { archiveEntryId } : {}) });
    issued += 1;
    finish(index, participant, documentId, digest, false);
  }

  // Those finished by an earlier run first, then the rest a few at a time; the first failure stops
  // new participants from starting, and those already started are finished and recorded.
  const pending: number[] = [];
  input.participants.forEach((participant, index) => {
    const finished = journal.entryOf(participant.id);
    if (finished) finish(index, participant, finished.documentId, finished.sha256, true);
    else pending.push(index);
  });
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    for (let index = pending.shift(); index !== undefined && !failure; index = pending.shift()) {
      try {
        options.signal?.throwIfAborted();
        await issueFor(index, input.participants[index] as CertificateParticipant);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  if (failure) throw failure.error;
  return { total, issued, resumed: total - issued, documents: documents.filter((document) => document !== undefined) };
}

/** The issued certificate: the one already kept under `documentId` (a run stopped after keeping it), else a newly sealed one. */
async function issueOnce(deps: CertificateBatchDeps, documentId: string, certificate: CourseCertificateInput, seal: SignerBackend): Promise<Buffer> {
  try {
    return await deps.store.get(documentId);
  } catch (error) {
    if (AppError.from(error).kind !== 'not-found') throw error;
  }
  const { pdf } = await deps.signing.sealCourseCertificate(certificate, seal);
  await deps.store.put(documentId, pdf);
  return pdf;
}

/** Document ids already in the outbox (any state): a run stopped after queueing one must not queue it again. */
async function archivedDocuments(outbox: ArchiveOutbox): Promise<Map<string, string>> {
  const entries = await outbox.list();
  return new Map(entries.flatMap((entry) => (entry.record ? [[entry.record.documentId, entry.id] as const] : [])));
}

function certificateInput(input: CertificateBatchInput, participant: CertificateParticipant): CourseCertificateInput {
  return {
    institution: input.institution,
    caseNumber: input.courseCase.caseNumber,
    date: input.date,
    participant: { name: participant.name, birthDate: participant.birthDate },
    course: input.course,
    certificateText: input.certificateText,
    issuedBy: input.issuedBy,
  };
}

/**
 * The certificate's archive record: on the participant's folder when the institution knows them by
 * national ID (one of its students), else in the course's own case folder with the participant as
 * an outside party (the usual further-education participant).
 */
function certificateArchiveRecord(input: CertificateBatchInput, participant: CertificateParticipant, documentId: string, fileName: string): ArchiveRecord {
  const document = {
    documentId,
    kind: 'certificate' as const,
    title: `${CERTIFICATE_TITLE} – ${input.course.code} – ${participant.name}`.slice(0, 300),
    documentDate: input.date,
    fileName,
    createdBy: input.issuedBy.name,
    signedBy: [input.institution.name],
    case: input.courseCase,
  };
  const to = { role: 'recipient' as const, name: participant.name, email: participant.email };
  return participant.nationalId
    ? {
        ...document,
        student: { nationalId: participant.nationalId, ...splitName(participant.name), email: participant.email },
        recipients: [{ ...to, party: 'student' }],
      }
    : { ...document, folder: 'case', recipients: [{ ...to, party: 'external' }] };
}

/** The archive wants given and family name apart: the family name is the last word. */
function splitName(name: string): { givenName: string; familyName: string } {
  const words = name.trim().split(/\s+/);
  const familyName = words.pop() ?? name;
  return { givenName: words.join(' ') || familyName, familyName };
}
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** The certificate's document id: one per course and participant (hashed when the readable form is too long for an id). */
export function certificateDocumentId(courseId: string, participantId: string): string {
  const readable = `${courseId}-certificate-${participantId}`;
  return readable.length <= 64 ? readable : `certificate-${sha256(`${courseId}\u0000${participantId}`).slice(0, 48)}`;
}

/** A UUID (version 8 layout) derived from course and participant, so the e-mail keeps its id across runs. */
export function certificateEmailId(courseId: string, participantId: string): string {
  const hex = createHash('sha256').update(`certificate-email\u0000${courseId}\u0000${participantId}`).digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** "kursbevis-evu-vei-h26-aase-odegard-p-0001.pdf": ASCII only, as archive file names must be. */
export function certificateFileName(courseCode: string, participant: Pick<CertificateParticipant, 'id' | 'name'>): string {
  const slug = (text: string) =>
    text
      .replace(/[æÆ]/g, 'ae')
      .replace(/[øØ]/g, 'o')
      .replace(/[åÅ]/g, 'aa')
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const stem = ['kursbevis', slug(courseCode), slug(participant.name), slug(participant.id)].filter(Boolean).join('-');
  return `${stem.slice(0, 110).replace(/-+$/, '')}.pdf`;
}
