import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export interface ReceivedMail {
  /** Envelope sender and recipients. */
  from: string;
  to: string[];
  /** The whole MIME message as sent. */
  raw: string;
}

/** A real SMTP server (`smtp-server`) on loopback that keeps what it receives (and hands each message to `onMail`). */
export interface SmtpStandIn {
  port: number;
  /** smtp://127.0.0.1:<port> (no TLS, no auth). */
  url: string;
  received: ReceivedMail[];
  /** Replies to the next RCPT TO commands, one per recipient (e.g. 451, 550); then it accepts again. */
  refuseNext(...codes: number[]): void;
  close(): Promise<void>;
}

export async function startSmtpStandIn(options: { port?: number; onMail?(mail: ReceivedMail): void } = {}): Promise<SmtpStandIn> {
  const received: ReceivedMail[] = [];
  const replies: number[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const reply = replies.shift();
      if (reply === undefined) return callback();
      callback(Object.assign(new Error(`Stand-in refuses ${address.address}`), { responseCode: reply }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        received.push(mail);
        options.onMail?.(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext: (...codes) => replies.push(...codes),
    close: () => new Promise<void>((resolve) => smtp.close(resolve)),
  };
}

/** The decoded bytes of the first application/pdf part of a raw MIME message. */
export function pdfAttachment(raw: string): Buffer {
  const boundary = /boundary="?([^";\r\n]+)"?/.exec(raw)?.[1];
  const part = raw.split(`--${boundary}`).find((candidate) => /Content-Type: application\/pdf/i.test(candidate));
  if (!part) throw new Error('no PDF part');
  const [, body = ''] = part.split(/\r?\n\r?\n/);
  return Buffer.from(body.replace(/\s+/g, ''), 'base64');
}

/** A header of a raw MIME message, unfolded and with RFC 2047 encoded words (UTF-8) decoded. */
export function mailHeader(raw: string, name: string): string | undefined {
  const head = (raw.split(/\r?\n\r?\n/)[0] ?? '').replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  if (line === undefined) return undefined;
  return line
    .slice(name.length + 1)
    .trim()
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

/** The text of a raw single-part MIME message (as the outbox sends a message without attachments), transfer encoding undone. */
export function mailText(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\r\n\r\n');
  const encoding = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(head)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding !== 'quoted-printable') return body;
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}
