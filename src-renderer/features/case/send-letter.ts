import type { RxDocument } from 'rxdb';
import type { ArchiveRecord } from '../../../src-shared/documents/archive-record.schema';
import type { CaseDocument } from '../../../src-shared/domain/document/document.schema';
import type { SaksflytApi } from '../../../src-shared/ipc/channels';
import type { LetterKind } from '../../../src-shared/notifications/letter.schema';

export type LetterReport =
  | { type: 'letterQueued'; document: LetterKind }
  | { type: 'letterNotSent'; document: LetterKind }
  | { type: 'letterFailed'; document: LetterKind; message: string };

export interface LetterDeps {
  api: Pick<SaksflytApi, 'archiveEnqueue'>;
  /** Signed in to a central server, which e-mails letters (on local demo data there is none). */
  sendsLetters: boolean;
}

/** What a case type gives for a letter: its issued document, and that document's archive record. */
export interface LetterSource {
  /** The issued document the letter carries (null: none issued). */
  issued(): Promise<RxDocument<CaseDocument> | null>;
  /** Its archive record (the server checks the letter against the case by it), or why there is none yet. */
  record(document: CaseDocument): ArchiveRecord | { problem: string };
}

/**
 * The laptop's executor of any workflow's letter (`notify` with `letter`): the issued PDF goes to
 * the central server's letters endpoint through the main process's outbox (kept there while
 * offline); the server checks it against the case and e-mails it.
 */
export async function sendLetter(deps: LetterDeps, kind: LetterKind, source: LetterSource): Promise<LetterReport> {
  if (!deps.sendsLetters) return { type: 'letterNotSent', document: kind };
  const stored = await source.issued();
  if (!stored) return { type: 'letterFailed', document: kind, message: `No issued ${kind} to send` };
  const record = source.record(stored.toJSON() as CaseDocument);
  if ('problem' in record) return { type: 'letterFailed', document: kind, message: record.problem };
  const queued = await deps.api.archiveEnqueue({ target: 'email', record });
  return queued.ok ? { type: 'letterQueued', document: kind } : { type: 'letterFailed', document: kind, message: queued.error.message };
}
