import type { FastifyInstance } from 'fastify';
import type { Identity } from '../auth/identify';
import type { Database } from '../db/database';
import { createEmailOutbox, type EmailBackoff } from './email-outbox';
import { registerCourseCertificateRoutes } from '../case-types/course-delivery/certificates.routes';
import { registerLetterRoutes } from './letters.routes';
import { createSmtpSender } from './smtp-sender';
import { DEFAULT_MAIL_FROM, domainOfMailFrom, smtpConfigFromUrl } from './smtp-url';
import { createSqlEmailOutboxStore } from './sql-email-outbox-store';

/** The mail server letters go through (`SMTP_URL`, `MAIL_FROM`, `MAIL_MESSAGE_ID_DOMAIN`). */
export interface SmtpOptions {
  /** `smtp://user:pass@host:587`, `smtps://…` or `smtp://127.0.0.1:25` (see smtp-url.ts). */
  url: string;
  /** Sender of the letters; default "Saksflyt <saksflyt@localhost>". */
  from?: string;
  /** Right-hand side of Message-IDs; default the domain of `from`. */
  messageIdDomain?: string;
  backoff?: EmailBackoff;
  /** How often the outbox looks for due e-mails (default 15 s); a new letter is sent at once. */
  pollMs?: number;
}

export interface EmailSending {
  /** Sends what is due now (e-mails queued elsewhere too, e.g. notices); a no-op without SMTP. */
  wake(): void;
}

/**
 * Letters by e-mail: `POST /letters` and `POST /courses/{caseId}/certificates` (course
 * certificates) queue them in the database outbox; with SMTP the outbox sends them (and whatever
 * was queued before, notices too) until the app closes. Without SMTP they stay queued until a
 * start with SMTP.
 */
export async function setUpLetters(
  app: FastifyInstance,
  deps: { db: Database; identify(authorization: string | undefined): Promise<Identity>; smtp?: SmtpOptions },
): Promise<EmailSending> {
  const { db, identify, smtp } = deps;
  const store = createSqlEmailOutboxStore(db);
  if (!smtp) {
    app.log.warn('SMTP_URL is not set: letters are kept in the e-mail outbox and sent once the server starts with SMTP_URL');
    registerLetterRoutes(app, { db, store, identify, onQueued: () => undefined });
    registerCourseCertificateRoutes(app, { db, store, identify, onQueued: () => undefined });
    return { wake: () => undefined };
  }
  const from = smtp.from ?? DEFAULT_MAIL_FROM;
  const sender = createSmtpSender(smtpConfigFromUrl(smtp.url, from));
  const outbox = await createEmailOutbox({ store, sender, messageIdDomain: smtp.messageIdDomain ?? domainOfMailFrom(from), backoff: smtp.backoff });
  outbox.start(smtp.pollMs);
  // onClose hooks run last-added first, so the outbox stops before the app closes the database.
  app.addHook('onClose', async () => {
    await outbox.stop();
    sender.close();
  });
  const wake = () => void outbox.processDue().catch((error: unknown) => app.log.error(error));
  registerLetterRoutes(app, { db, store, identify, onQueued: wake });
  registerCourseCertificateRoutes(app, { db, store, identify, onQueued: wake });
  return { wake };
}
