import type { ArchiveClosure, ArchiveRecord } from '../../../src-shared/documents/archive-record.schema';

/** One document on its way to an archive. `id` is the outbox entry's, stable across retries. */
export interface ArchiveItem {
  id: string;
  record: ArchiveRecord;
  pdf: Buffer;
}

/** What the archive answered: its reference for the document (journal number, path, …). */
export interface ArchiveReceipt {
  reference: string;
  details: Record<string, string>;
}

/**
 * An archive the outbox can deliver to (P360 over SIF, a Noark 5 export, a folder). Throw an
 * AppError: kind `validation` when the item can never be archived (the outbox gives up at once),
 * anything else when a later attempt may succeed (the outbox retries with backoff). An adapter
 * must tolerate being called again for an item it may already have handled (at-least-once).
 */
export interface ArchiveAdapter {
  readonly name: string;
  archive(item: ArchiveItem): Promise<ArchiveReceipt>;
  /**
   * Only archives that keep a folder per case (the Noark 5 package's saksmappe): the case has
   * ended, so its folder is closed (avsluttet). Archives that file into the student's folder,
   * which outlives any one case, have none.
   */
  closeCase?(item: { id: string; closure: ArchiveClosure }): Promise<ArchiveReceipt>;
}
