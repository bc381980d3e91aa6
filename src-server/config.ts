import { join } from 'node:path';
import { z } from 'zod';
import { summarizeZodError } from '../src-shared/kernel/app-error';
import { checkOidcEnv, oidcEnvShape } from './auth/oidc/oidc-config';
import { DEFAULT_MAX_OFFLINE_DAYS } from './auth/sessions';
import { resultsFetchAdapter } from './case-types/approval/result-exchange/results-fetch.job';
import { canvasAdapter } from './case-types/course-delivery/lms/canvas.adapter';
import { participantMailAdapter } from './case-types/course-delivery/participant-mail/participant-mail.adapter';
import { DEFAULT_HEAP_GROWING_PERCENT } from './heap-growth';
import type { IntegrationAdaptersOf } from './jobs/integration-jobs';
import type { SmtpOptions } from './notifications/letters';
import { DEFAULT_MAIL_FROM, mailFromSchema, smtpConfigFromUrl, smtpUrlSchema } from './notifications/smtp-url';

/** Environment of the server process and the admin tool. */
export const DEFAULT_PORT = 8787;

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORT),
    HOST: z.string().default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('.data/server'),
    DATABASE_URL: z.string().min(1).optional(),
    DATABASE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/)
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
    JWT_SECRET: z.string().min(32).optional(),
    /** Mail server for letters, e.g. smtp://user:pass@mail.example.no:587 (see notifications/smtp-url.ts). */
    SMTP_URL: smtpUrlSchema.optional(),
    MAIL_FROM: mailFromSchema.default(DEFAULT_MAIL_FROM),
    /** Right-hand side of Message-IDs; by default the domain of MAIL_FROM. */
    MAIL_MESSAGE_ID_DOMAIN: z
      .string()
      .regex(/^[A-Za-z0-9.-]{1,253}$/)
      .optional(),
    /** Append-only file the server signs the audit chain's head into; see auditAnchorFile. */
    AUDIT_ANCHOR_FILE: z.string().min(1).optional(),
    /** The directory of FS result sources (resultatutveksling): GET {url}/sources lists the institutions. */
    RESULT_SOURCES_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** Canvas LMS (course delivery), e.g. https://hvl.instructure.com; without it Canvas jobs wait. */
    CANVAS_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** A Canvas API token (bearer) of an account admin allowed to create courses and users and enrol them. */
    CANVAS_TOKEN: z.string().min(1).optional(),
    /** The Canvas (sub-)account new courses and participants' users go into, e.g. 1 or sis_account_id:EVU. */
    CANVAS_ACCOUNT_ID: z
      .string()
      .regex(/^[A-Za-z0-9_:.-]{1,100}$/)
      .optional(),
    /** The server's address as people reach it (links in e-mails, e.g. https://saksflyt.example.no); by default the address a request came to. */
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** A partner's nominator account not used for this many days is deactivated (issue 11). */
    NOMINATOR_IDLE_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
    /** The personal data of a nominator account deactivated this many days ago is deleted (`nominators purge`). */
    NOMINATOR_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(365),
    /** Days a laptop may work without reaching the server; past them it unlocks only online (see the README's *Locking and the maximum offline time*). */
    MAX_OFFLINE_DAYS: z.coerce.number().int().min(1).max(3650).default(DEFAULT_MAX_OFFLINE_DAYS),
    /** Behind a reverse proxy: "true" (trust X-Forwarded-For), a hop count, or the proxies' addresses (comma-separated). */
    TRUST_PROXY: z
      .string()
      .transform((value) => (value === 'true' ? true : value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value))
      .optional(),
    /** How far the JavaScript heap grows past its live size before V8 collects it (see heap-growth.ts); 0 = V8's own factor (up to 4×). */
    HEAP_GROWING_PERCENT: z.coerce.number().int().min(0).max(1000).default(DEFAULT_HEAP_GROWING_PERCENT),
    /** Sign-in with an OpenID Connect provider (Feide): see auth/oidc/oidc-config.ts and the README. */
    ...oidcEnvShape,
  })
  .superRefine(
    (env, ctx) => {
      checkOidcEnv(env, ctx);
      // Half a Canvas configuration stops the start, rather than Canvas jobs failing one by one.
      const canvas = [env.CANVAS_URL, env.CANVAS_TOKEN, env.CANVAS_ACCOUNT_ID];
      if (canvas.some(Boolean) && !canvas.every(Boolean)) {
        ctx.addIssue({ code: 'custom', path: ['CANVAS_URL'], message: 'CANVAS_URL, CANVAS_TOKEN and CANVAS_ACCOUNT_ID are set together' });
      }
      // Unusable mail settings (e.g. unencrypted SMTP to another host) stop the start, not the first letter.
      if (!env.SMTP_URL) return;
      try {
        smtpConfigFromUrl(env.SMTP_URL, env.MAIL_FROM);
      } catch (error) {
        ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: error instanceof z.ZodError ? summarizeZodError(error) : String(error) });
      }
    },
    { when: (payload) => payload.issues.length === 0 },
  );

export type ServerEnv = z.infer<typeof envSchema>;

export function readEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  return envSchema.parse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
}

/** The database options both the server and `npm run admin` use. */
export function databaseOptions(env: ServerEnv) {
  return env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL, schema: env.DATABASE_SCHEMA, maxConnections: env.DATABASE_POOL_SIZE } : { dataDir: env.DATA_DIR };
}

/** The server's mail settings, or undefined without SMTP_URL (letters then stay queued). */
export function smtpOptions(env: ServerEnv): SmtpOptions | undefined {
  return env.SMTP_URL ? { url: env.SMTP_URL, from: env.MAIL_FROM, messageIdDomain: env.MAIL_MESSAGE_ID_DOMAIN } : undefined;
}

/** The audit anchor: AUDIT_ANCHOR_FILE, else in DATA_DIR (PGlite) or .data/ (PostgreSQL, one file per schema). */
export function auditAnchorFile(env: ServerEnv): string {
  if (env.AUDIT_ANCHOR_FILE) return env.AUDIT_ANCHOR_FILE;
  if (!env.DATABASE_URL) return join(env.DATA_DIR, 'audit-anchor.jsonl');
  return join('.data', env.DATABASE_SCHEMA ? `audit-anchor-${env.DATABASE_SCHEMA}.jsonl` : 'audit-anchor.jsonl');
}

/**
 * The integration adapters this server has (buildApp's jobs.adapters): FS's result exchange when
 * RESULT_SOURCES_URL is set, Canvas when CANVAS_URL is, and always the participants' e-mails.
 */
export function integrationAdapters(env: ServerEnv): IntegrationAdaptersOf {
  return ({ db, log, email }) => ({
    ...(env.RESULT_SOURCES_URL ? { fs: resultsFetchAdapter({ directoryUrl: env.RESULT_SOURCES_URL }) } : {}),
    ...(env.CANVAS_URL && env.CANVAS_TOKEN && env.CANVAS_ACCOUNT_ID
      ? { canvas: canvasAdapter({ url: env.CANVAS_URL, token: env.CANVAS_TOKEN, accountId: env.CANVAS_ACCOUNT_ID }, { db }) }
      : {}),
    web: participantMailAdapter({ email, log, canvasUrl: env.CANVAS_URL }),
  });
}

/** The server's audit anchor, client address and offline-limit settings (buildApp options). */
export function securityOptions(env: ServerEnv) {
  return { auditAnchorFile: auditAnchorFile(env), trustProxy: env.TRUST_PROXY, maxOfflineDays: env.MAX_OFFLINE_DAYS };
}

/** How long nominator accounts live unused, and their personal data after deactivation. */
export function nominatorOptions(env: ServerEnv) {
  return { idleDays: env.NOMINATOR_IDLE_DAYS, retentionDays: env.NOMINATOR_RETENTION_DAYS };
}
