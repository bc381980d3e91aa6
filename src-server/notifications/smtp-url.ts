import { z } from 'zod';
import { smtpConfigSchema, type SmtpConfig } from './smtp-sender';

export const DEFAULT_MAIL_FROM = 'Saksflyt <saksflyt@localhost>';

/** `Name <address>` or a bare address. */
export const mailFromSchema = z
  .string()
  .max(300)
  .regex(/^(?:[^<>]*<)?[^<>@\s]+@[^<>@\s]+>?$/, 'an address such as "Saksflyt <saksflyt@example.no>"');

export const smtpUrlSchema = z.url({ protocol: /^smtps?$/, error: 'an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.no:587' });

const loopback = new Set(['127.0.0.1', '::1', 'localhost']);
const defaultPort = { implicit: 465, starttls: 587, none: 25 } as const;

/**
 * SMTP settings from a URL: `smtps://user:pass@host[:465]` (TLS from the start) or
 * `smtp://user:pass@host[:587]` (STARTTLS required), except that plain `smtp://` to this machine
 * (127.0.0.1, ::1, localhost) is a local relay without TLS. `?tls=implicit|starttls|none`
 * overrides; `none` is refused for any other host. User and password are URL-encoded.
 */
export function smtpConfigFromUrl(smtpUrl: string, from: string = DEFAULT_MAIL_FROM): SmtpConfig {
  const url = new URL(smtpUrlSchema.parse(smtpUrl));
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const schemeTls = url.protocol === 'smtps:' ? 'implicit' : loopback.has(host) ? 'none' : 'starttls';
  const tls = z.enum(['implicit', 'starttls', 'none']).parse(url.searchParams.get('tls') ?? schemeTls);
  return smtpConfigSchema.parse({
    host,
    port: url.port ? Number(url.port) : defaultPort[tls],
    tls,
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    from: mailFromSchema.parse(from),
  });
}

/** The domain of the address in a sender such as `Saksflyt <saksflyt@example.no>`. */
export function domainOfMailFrom(from: string): string {
  return /@([^<>@\s]+)>?$/.exec(mailFromSchema.parse(from))![1]!;
}
