import { z } from 'zod';
import { isoTimestamp } from '../../src-shared/domain/case/case.schema';

/** Largest attachment accepted into the outbox (bytes before base64). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const outgoingEmailSchema = z.object({
  to: z.array(z.email()).min(1).max(20),
  cc: z.array(z.email()).max(20),
  subject: z.string().min(1).max(300),
  text: z.string().min(1).max(50_000),
  attachments: z
    .array(
      z.object({
        filename: z.string().regex(/^[\w.-]{1,120}$/),
        contentType: z.enum(['application/pdf']),
        contentBase64: z.base64().max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4),
      }),
    )
    .max(5),
});
export type OutgoingEmail = z.infer<typeof outgoingEmailSchema>;

export const emailStatuses = ['queued', 'sending', 'sent', 'failed'] as const;
export type EmailStatus = (typeof emailStatuses)[number];

export const storedEmailSchema = outgoingEmailSchema.extend({
  id: z.uuid(),
  status: z.enum(emailStatuses),
  attempts: z.number().int().min(0),
  nextAttemptAt: isoTimestamp,
  lastError: z.string().max(2000).optional(),
  /** Message-ID the SMTP server accepted. */
  messageId: z.string().max(300).optional(),
  createdAt: isoTimestamp,
  sentAt: isoTimestamp.optional(),
});
export type StoredEmail = z.infer<typeof storedEmailSchema>;
