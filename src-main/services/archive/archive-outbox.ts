import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { archiveClosureSchema, archiveRecordSchema, type ArchiveClosure, type ArchiveRecord } from '../../../src-shared/documents/archive-record.schema';
import { isoTimestamp } from '../../../src-shared/domain/case/case.schema';
import { AppError } from '../../../src-shared/kernel/app-error';
import { isMissingFile, plainFiles, type FileAccess } from '../fs/file-access';
import { createSerialQueue } from '../fs/serial-queue';
import type { ArchiveAdapter } from './archive-adapter';

export const outboxStatuses = ['queued', 'sending', 'archived', 'failed'] as const;

const outboxEntrySchema = z.object({
  id: z.uuid(),
  /** Name of the adapter that delivers it. */
  target: z.string().min(1).max(40),
  /** What is delivered: a document (its PDF under files/), or the end of a case (no file). */
  record: archiveRecordSchema.optional(),
  closure: archiveClosureSchema.optional(),
  status: z.enum(outboxStatuses),
  attempts: z.number().int().min(0),
  nextAttemptAt: isoTimestamp,
  lastError: z.string().max(2000).optional(),
  receipt: z.object({ reference: z.string(), details: z.record(z.string(), z.string()) }).optional(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

/** The case an entry is about. */
export const caseIdOfEntry = (entry: OutboxEntry): string => entry.record?.case.id ?? (entry.closure as ArchiveClosure).caseId;

const stateSchema = z.object({
  version: z.literal(1),
  entries: z.array(outboxEntrySchema.refine((entry) => (entry.record === undefined) !== (entry.closure === undefined), 'a document or a closure')),
});

export interface BackoffPolicy {
  /** Delay after the first failed attempt; doubled after each further failure. */
  baseMs: number;
  maxMs: number;
  /** Attempts before an entry is marked failed (a user can still retry it). */
  maxAttempts: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 30_000, maxMs: 6 * 3600_000, maxAttempts: 12 };

export interface ArchiveOutbox {
  enqueue(input: { target: string; record: ArchiveRecord; pdf: Buffer }): Promise<OutboxEntry>;
  /** Queues the end of a case for every adapter that keeps a folder per case; resolves with their entries. */
  enqueueClosure(closure: ArchiveClosure): Promise<OutboxEntry[]>;
  list(): Promise<OutboxEntry[]>;
  /** Puts a failed entry back in the queue, due now. */
  retry(id: string): Promise<OutboxEntry>;
  /** Delivers every entry that is due, one at a time; resolves with how many were tried. */
  processDue(): Promise<number>;
  /** Runs `processDue` whenever the earliest entry falls due, until `stop`. */
  start(): void;
  stop(): Promise<void>;
  /** Called after every change of an entry (status shown in the app). Returns an unsubscribe. */
  subscribe(listener: (entry: OutboxEntry) => void): () => void;
}

/**
 * The archive outbox of the main process: entries and their PDFs live in `dir`
 * (`outbox.json`, written atomically, plus `files/<id>.pdf`), so nothing queued is lost when the
 * app quits. An entry that was being sent when the app stopped is sent again (at-least-once).
 * In the app's data folder both are sealed (`files`); the adapters hand the PDF over as it is.
 */
export async function openArchiveOutbox(options: {
  dir: string;
  adapters: readonly ArchiveAdapter[];
  backoff?: BackoffPolicy;
  now?: () => Date;
  /** Jitter source in [0, 1); the delay is scaled by 0.5 + random / 2. */
  random?: () => number;
  files?: FileAccess;
}): Promise<ArchiveOutbox> {
  const backoff = options.backoff ?? defaultBackoff;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const files = options.files ?? plainFiles;
  const adapters = new Map(options.adapters.map((adapter) => [adapter.name, adapter]));
  const statePath = join(options.dir, 'outbox.json');
  const filePath = (id: string) => join(options.dir, 'files', `${id}.pdf`);
  const serial = createSerialQueue();
  const listeners = new Set<(entry: OutboxEntry) => void>();
  const entries = await load(files, statePath, now);
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let processing: Promise<number> | undefined;

  // Writes are serialized; each one saves the state as it is when its turn comes.
  const persist = () => serial(() => files.write(statePath, `${JSON.stringify({ version: 1, entries }, null, 2)}\n`));
  const update = async (entry: OutboxEntry, patch: Partial<OutboxEntry>) => {
    Object.assign(entry, patch, { updatedAt: now().toISOString() });
    await persist();
    for (const listener of listeners) listener({ ...entry });
  };
  const find = (id: string) => {
    const entry = entries.find((candidate) => candidate.id === id);
    if (!entry) throw new AppError('not-found', `No archive outbox entry ${id}`);
    return entry;
  };

  async function attempt(entry: OutboxEntry): Promise<void> {
    const adapter = adapters.get(entry.target);
    await update(entry, { status: 'sending', attempts: entry.attempts + 1 });
    try {
      if (!adapter) throw new AppError('precondition', `No archive adapter named ${entry.target} is configured`);
      const receipt = entry.closure
        ? await closeCase(adapter, { id: entry.id, closure: entry.closure })
        : await adapter.archive({ id: entry.id, record: entry.record as ArchiveRecord, pdf: await files.read(filePath(entry.id)) });
      await update(entry, { status: 'archived', receipt, lastError: undefined });
    } catch (error) {
      const failure = AppError.from(error);
      const giveUp = failure.kind === 'validation' || entry.attempts >= backoff.maxAttempts;
      const delay = retryHint(failure) ?? Math.min(backoff.maxMs, backoff.baseMs * 2 ** (entry.attempts - 1)) * (0.5 + random() / 2);
      await update(entry, {
        status: giveUp ? 'failed' : 'queued',
        lastError: `${failure.kind}: ${failure.message}`.slice(0, 2000),
        nextAttemptAt: new Date(now().getTime() + (giveUp ? 0 : delay)).toISOString(),
      });
    }
  }

  function newEntry(target: string, item: Pick<OutboxEntry, 'record' | 'closure'>): OutboxEntry {
    const at = now().toISOString();
    return { id: randomUUID(), target, ...item, status: 'queued', attempts: 0, nextAttemptAt: at, createdAt: at, updatedAt: at };
  }

  /** Saves new entries (undoing `undo` and dropping them if that fails), tells the listeners, schedules. */
  async function add(added: OutboxEntry[], undo: () => Promise<unknown>): Promise<void> {
    entries.push(...added);
    await persist().catch(async (error: unknown) => {
      for (const entry of added) entries.splice(entries.indexOf(entry), 1);
      await undo();
      throw error;
    });
    for (const entry of added) for (const listener of listeners) listener({ ...entry });
    schedule();
  }

  /** Single flight: a call while a round runs joins that round. */
  const processDue = () => {
    processing ??= (async () => {
      const dueNow = now().toISOString();
      const due = entries.filter((entry) => entry.status === 'queued' && entry.nextAttemptAt <= dueNow);
      for (const entry of due) await attempt(entry);
      return due.length;
    })().finally(() => {
      processing = undefined;
    });
    return processing;
  };

  function schedule(): void {
    if (!running) return;
    clearTimeout(timer);
    const next = entries
      .filter((entry) => entry.status === 'queued')
      .reduce<string | undefined>((earliest, entry) => (!earliest || entry.nextAttemptAt < earliest ? entry.nextAttemptAt : earliest), undefined);
    if (next === undefined) return;
    const wait = Math.max(0, Math.min(new Date(next).getTime() - now().getTime(), 2 ** 31 - 1));
    timer = setTimeout(() => {
      processDue()
        .finally(schedule)
        .catch(() => undefined);
    }, wait);
  }

  return {
    async enqueue(input) {
      const record = archiveRecordSchema.parse(input.record);
      if (!adapters.has(input.target)) throw new AppError('validation', `Unknown archive target ${input.target}`);
      const entry = newEntry(input.target, { record });
      await files.write(filePath(entry.id), input.pdf, { exclusive: true });
      await add([entry], () => rm(filePath(entry.id), { force: true }));
      return { ...entry };
    },
    async enqueueClosure(input) {
      const closure = archiveClosureSchema.parse(input);
      const queued = [...adapters.values()].filter((adapter) => adapter.closeCase).map((adapter) => newEntry(adapter.name, { closure }));
      await add(queued, async () => undefined);
      return queued.map((entry) => ({ ...entry }));
    },
    list: async () => entries.map((entry) => ({ ...entry })),
    async retry(id) {
      const entry = find(id);
      if (entry.status !== 'failed') throw new AppError('conflict', `Entry ${id} is ${entry.status}, not failed`);
      await update(entry, { status: 'queued', attempts: 0, nextAttemptAt: now().toISOString() });
      schedule();
      return { ...entry };
    },
    processDue,
    start() {
      running = true;
      schedule();
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      await processing;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function closeCase(adapter: ArchiveAdapter, item: { id: string; closure: ArchiveClosure }) {
  if (!adapter.closeCase) throw new AppError('validation', `The archive ${adapter.name} keeps no folder per case`);
  return adapter.closeCase(item);
}

/** An adapter that knows when a retry makes sense (`details.retryAfterMs`) says so; backoff otherwise. */
function retryHint(failure: AppError): number | undefined {
  const hint = (failure.details as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
  return typeof hint === 'number' && hint >= 0 ? hint : undefined;
}

/** Reads the saved state; an entry interrupted while sending is queued again, due now. */
async function load(files: FileAccess, statePath: string, now: () => Date): Promise<OutboxEntry[]> {
  let text: string;
  try {
    text = (await files.read(statePath)).toString('utf8');
  } catch (error) {
    if (isMissingFile(error)) return [];
    throw new AppError('internal', `Archive outbox ${statePath} could not be read: ${String(error)}`);
  }
  let parsed: z.infer<typeof stateSchema>;
  try {
    parsed = stateSchema.parse(JSON.parse(text));
  } catch {
    throw new AppError('internal', `Archive outbox ${statePath} is corrupt; it was left untouched for recovery`);
  }
  const at = now().toISOString();
  return parsed.entries.map((entry) => (entry.status === 'sending' ? { ...entry, status: 'queued', nextAttemptAt: at, updatedAt: at } : entry));
}
