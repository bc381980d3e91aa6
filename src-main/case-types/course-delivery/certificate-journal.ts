import { join } from 'node:path';
import { z } from 'zod';
import { idSchema, isoTimestamp } from '../../../src-shared/domain/case/case.schema';
import { AppError } from '../../../src-shared/kernel/app-error';
import { isMissingFile, plainFiles, type FileAccess } from '../../services/fs/file-access';

/** What the batch has finished for one participant: the certificate issued and its e-mail queued. */
const journalEntrySchema = z.object({
  documentId: idSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The archive outbox entry, when an archive is configured. */
  archiveEntryId: z.string().optional(),
  emailId: z.uuid(),
  doneAt: isoTimestamp,
});
export type CertificateJournalEntry = z.infer<typeof journalEntrySchema>;

const journalSchema = z.object({
  version: z.literal(1),
  courseId: idSchema,
  /** sha256 of the certificate text the batch was started with: a resumed batch must issue the same text. */
  textSha256: z.string().regex(/^[0-9a-f]{64}$/),
  startedAt: isoTimestamp,
  updatedAt: isoTimestamp,
  done: z.record(idSchema, journalEntrySchema),
});
export type CertificateJournalState = z.infer<typeof journalSchema>;

export interface CertificateJournal {
  readonly state: CertificateJournalState;
  entryOf(participantId: string): CertificateJournalEntry | undefined;
  /** Records a finished participant; resolves once a save of the journal that includes it is on disk. */
  markDone(participantId: string, entry: CertificateJournalEntry): Promise<void>;
}

/**
 * The durable record of one course's certificate batch: a JSON file per course in `dir`
 * (`certificate-batch-<course id>.json`), replaced atomically after each participant, so a batch
 * interrupted at any point resumes where it stopped and never repeats a finished participant.
 * Sealed in the app's data folder (`files`).
 */
export async function openCertificateJournal(options: {
  dir: string;
  courseId: string;
  textSha256: string;
  now: () => Date;
  files?: FileAccess;
}): Promise<CertificateJournal> {
  const files = options.files ?? plainFiles;
  const path = join(options.dir, `certificate-batch-${Buffer.from(options.courseId, 'utf8').toString('base64url')}.json`);
  const at = options.now().toISOString();
  const state = (await load(files, path)) ?? { version: 1, courseId: options.courseId, textSha256: options.textSha256, startedAt: at, updatedAt: at, done: {} };
  if (state.courseId !== options.courseId) throw new AppError('internal', `The journal ${path} belongs to course ${state.courseId}`);
  if (state.textSha256 !== options.textSha256 && Object.keys(state.done).length > 0) {
    throw new AppError('conflict', 'Certificates of this course were already issued with another certificate text; the batch resumes only with the same text');
  }
  state.textSha256 = options.textSha256;

  // One atomic write at a time; entries recorded while one runs are saved together by the next.
  let writing: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  const startWrite = (): Promise<void> => {
    queued = undefined;
    writing = files.write(path, JSON.stringify(state)).finally(() => {
      writing = undefined;
    });
    return writing;
  };
  const save = (): Promise<void> => {
    if (queued) return queued;
    if (!writing) return startWrite();
    queued = writing.catch(() => undefined).then(startWrite);
    return queued;
  };

  return {
    state,
    entryOf: (participantId) => state.done[participantId],
    markDone(participantId, entry) {
      state.done[participantId] = entry;
      state.updatedAt = options.now().toISOString();
      return save();
    },
  };
}

async function load(files: FileAccess, path: string): Promise<CertificateJournalState | undefined> {
  let text: string;
  try {
    text = (await files.read(path)).toString('utf8');
  } catch (error) {
    if (isMissingFile(error)) return undefined;
    throw error;
  }
  const parsed = journalSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new AppError('internal', `The certificate batch journal ${path} is damaged: ${parsed.error.message}`);
  return parsed.data;
}
