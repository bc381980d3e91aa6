import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { OutgoingEmail } from './email.schema';

/**
 * SMTP settings. `tls`: "implicit" (port 465), "starttls" (required upgrade, port 587) or
 * "none", which is accepted only for a relay on this machine (loopback).
 */
export const smtpConfigSchema = z
  .object({
    host: z.string().min(1).max(255),
    port: z.number().int().min(1).max(65_535),
    tls: z.enum(['implicit', 'starttls', 'none']),
    auth: z.object({ user: z.string().min(1), pass: z.string().min(1) }).optional(),
    from: z.string().min(3).max(300),
    timeoutMs: z.number().int().min(1_000).max(300_000).default(30_000),
  })
  .refine((config) => config.tls !== 'none' || ['127.0.0.1', '::1', 'localhost'].includes(config.host), {
    message: 'Unencrypted SMTP is only allowed to a relay on loopback',
    path: ['tls'],
  });
export type SmtpConfig = z.input<typeof smtpConfigSchema>;

export interface EmailSender {
  /**
   * Sends one message. Resolves with the accepted Message-ID and the recipients the server
   * refused while it took the message for the others; rejects when nothing was sent.
   */
  send(message: OutgoingEmail & { messageId: string }): Promise<{ messageId: string; refused: string[] }>;
  close(): void;
}

export function createSmtpSender(rawConfig: SmtpConfig): EmailSender {
  const config = smtpConfigSchema.parse(rawConfig);
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.tls === 'implicit',
    requireTLS: config.tls === 'starttls',
    ignoreTLS: config.tls === 'none',
    auth: config.auth,
    connectionTimeout: config.timeoutMs,
    greetingTimeout: config.timeoutMs,
    socketTimeout: config.timeoutMs,
  });
  return {
    async send(message) {
      const info = await transport.sendMail({
        from: config.from,
        to: message.to,
        cc: message.cc,
        subject: message.subject,
        text: message.text,
        messageId: message.messageId,
        attachments: message.attachments.map((attachment) => ({
          filename: attachment.filename,
          contentType: attachment.contentType,
          content: Buffer.from(attachment.contentBase64, 'base64'),
        })),
      });
      const refused = (info.rejected ?? []).map(String);
      return { messageId: info.messageId, refused };
    },
    close: () => transport.close(),
  };
}
