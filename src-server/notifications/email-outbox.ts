import { randomUUID } from 'node:crypto';
import { AppError } from '../../src-shared/kernel/app-error';
import { pollingRounds, retryDelay } from '../jobs/polling-rounds';
import type { EmailOutboxStore } from './email-outbox-store';
import { outgoingEmailSchema, type OutgoingEmail, type StoredEmail } from './email.schema';
import type { EmailSender } from './smtp-sender';

export interface EmailBackoff {
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
}

export const defaultEmailBackoff: EmailBackoff = { baseMs: 60_000, maxMs: 3 * 3600_000, maxAttempts: 10 };

export interface EmailOutbox {
  /** Parses and queues a message; it is sent by `processDue` or the running loop. */
  enqueue(message: OutgoingEmail, id?: string): Promise<StoredEmail>;
  /** Sends the messages that are due; resolves with how many were tried. */
  processDue(): Promise<number>;
  /** Polls for due messages every `pollMs` until `stop`. */
  start(pollMs?: number): void;
  stop(): Promise<void>;
}

/**
 * The server's e-mail outbox: letters (summons, copies to the student and the rector) are stored
 * first and sent by SMTP afterwards, with exponential backoff on failure, so a mail server being
 * down never loses a letter. At-least-once: a message interrupted mid-send is sent again; its
 * stable Message-ID (<outbox id@domain>) lets mail systems spot the duplicate.
 */
export async function createEmailOutbox(options: {
  store: EmailOutboxStore;
  sender: EmailSender;
  /** Right-hand side of Message-IDs, e.g. the institution's mail domain. */
  messageIdDomain: string;
  backoff?: EmailBackoff;
  now?: () => Date;
}): Promise<EmailOutbox> {
  const backoff = options.backoff ?? defaultEmailBackoff;
  const now = options.now ?? (() => new Date());
  await options.store.requeueInterrupted(now().toISOString());

  async function send(message: StoredEmail): Promise<void> {
    const attempts = message.attempts + 1;
    await options.store.update(message.id, { status: 'sending', attempts });
    try {
      const { messageId, refused } = await options.sender.send({ ...message, messageId: `<${message.id}@${options.messageIdDomain}>` });
      // Some recipients got it: sending again would duplicate it for them, so a person decides.
      await options.store.update(message.id, {
        status: refused.length ? 'failed' : 'sent',
        messageId,
        sentAt: now().toISOString(),
        lastError: refused.length ? `Refused by the mail server: ${refused.join(', ')}` : undefined,
      });
    } catch (error) {
      const giveUp = attempts >= backoff.maxAttempts || isPermanent(error);
      const delay = retryDelay(backoff, attempts);
      await options.store.update(message.id, {
        status: giveUp ? 'failed' : 'queued',
        lastError: (error instanceof Error ? error.message : String(error)).slice(0, 2000),
        nextAttemptAt: new Date(now().getTime() + (giveUp ? 0 : delay)).toISOString(),
      });
    }
  }

  const rounds = pollingRounds(async () => {
    const due = await options.store.due(now().toISOString(), 50);
    for (const message of due) await send(message);
    return due.length;
  });

  return {
    enqueue: (raw, id) => queueEmail(options.store, raw, { id, now: now() }),
    processDue: rounds.run,
    start: (pollMs = 15_000) => rounds.start(pollMs),
    stop: rounds.stop,
  };
}

/**
 * Parses a message and stores it as queued, due at once. With an `id` already in the store the
 * stored message is returned unchanged (idempotent retries). Sending is the running outbox's job,
 * so a server without SMTP can keep letters until it has one.
 */
export async function queueEmail(store: EmailOutboxStore, raw: OutgoingEmail, options: { id?: string; now?: Date } = {}): Promise<StoredEmail> {
  const parsed = outgoingEmailSchema.safeParse(raw);
  if (!parsed.success) throw AppError.from(parsed.error);
  const at = (options.now ?? new Date()).toISOString();
  return store.insert({ ...parsed.data, id: options.id ?? randomUUID(), status: 'queued', attempts: 0, nextAttemptAt: at, createdAt: at });
}

/** SMTP 5xx replies (bad recipient, message refused) will not change on retry. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
