import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { allowAppOrigins } from './http/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { AuditAnchor } from './audit/audit-anchor';
import { startAuditSealer } from './audit/audit-sealer';
import { AccessTokens, ACCESS_TOKEN_SECONDS } from './auth/access-token';
import { listUsers } from './auth/accounts';
import { publishStaff } from './auth/staff-directory';
import { registerAuthRoutes } from './auth/auth.routes';
import { identifier } from './auth/identify';
import { localPasswordProvider } from './auth/local-password.provider';
import type { OidcOptions } from './auth/oidc/oidc-config';
import { registerOidcRoutes } from './auth/oidc/oidc.routes';
import { signInLimiter, type SignInLimits } from './auth/sign-in-limiter';
import { CASE_FILES_TAG, registerCaseFileRoutes } from './case-files/case-files.routes';
import { DEVICES_TAG, registerDeviceRoutes } from './admin-api/devices.routes';
import { channelName, openDatabase, type Database } from './db/database';
import { migrate } from './db/migrate';
import { replyWithError } from './http/error-reply';
import { HttpError } from './http/http-error';
import { refuseBadUrls } from './http/url-guard';
import { serverSteps, type ServerSteps } from './cases/server-steps';
import { registerImobilitiesRoutes } from './case-types/nomination/ewp/imobilities.routes';
import { registerPortal } from './portal/portal.routes';
import { registerNominators } from './case-types/nomination/nominators/nominators.routes';
import { NOMINATION_STAFF_TAG, registerNominationStaffRoutes } from './case-types/nomination/staff/nomination-staff.routes';
import { queueStepIntegration, type IntegrationAdapters, type IntegrationAdaptersOf } from './jobs/integration-jobs';
import { createJobQueue, type JobQueue } from './jobs/job-queue';
import { setUpJobs, type JobsOptions } from './jobs/jobs';
import { queueEmail, type EmailOutbox } from './notifications/email-outbox';
import { setUpLetters, type SmtpOptions } from './notifications/letters';
import { createSqlEmailOutboxStore } from './notifications/sql-email-outbox-store';
import { ChangeStreams } from './sync/change-streams';
import { caseStepCommands, type EnqueueIntegration, type Queued } from './sync/step-commands';
import { defaultSyncCollections, SyncCollections, type SyncCollection } from './sync/sync-collections';
import { registerSyncRoutes } from './sync/sync.routes';

export interface AppOptions {
  /** PostgreSQL connection string (production); without it, PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; without it (and without databaseUrl) data lives in memory. */
  dataDir?: string;
  /** PostgreSQL schema to use (tests isolate themselves this way). */
  schema?: string;
  /** PostgreSQL pool size (default 20). */
  maxConnections?: number;
  /** An already opened database instead of the three options above (not closed by the app). */
  db?: Database;
  /** Secret for access tokens; by default a key generated once and kept in the database. */
  jwtSecret?: string;
  accessTokenSeconds?: number;
  /** Replicated collections; defaults to those of src-shared/db/collections.ts. */
  collections?: SyncCollection[];
  /** Mail server for letters; without it letters stay queued in the e-mail outbox. */
  smtp?: SmtpOptions;
  /** Append-only file the signed head of the audit chain goes to after every seal (key files next to it). */
  auditAnchorFile?: string;
  /** Failed sign-ins allowed per account and per address (defaults in auth/sign-in-limiter.ts). */
  signInLimits?: SignInLimits;
  /** Where workflow integration calls go (default: the job queue, see jobs/). */
  enqueueIntegration?: EnqueueIntegration;
  /** Fastify's trustProxy: behind a reverse proxy, the client address comes from X-Forwarded-For. */
  trustProxy?: boolean | string | number;
  /** Background jobs (integration calls): worker, backoff, adapters (or adapters built from the app's services, see config.ts). */
  jobs?: Omit<JobsOptions, 'adapters'> & { adapters?: IntegrationAdapters | IntegrationAdaptersOf };
  /** Fastify's logger: true, or options such as the stream to write to (main.ts: stdout without blocking). */
  logger?: FastifyServerOptions['logger'];
  /** The server's address as people reach it, for links in e-mails; by default the address a request came to. */
  publicUrl?: string;
  /** Days a laptop may work without reaching the server (MAX_OFFLINE_DAYS), sent with every session. */
  maxOfflineDays?: number;
  /** Sign-in through OpenID Connect providers (Feide), beside local accounts; see auth/oidc/. */
  oidc?: OidcOptions;
  /** Partners' nominator accounts: days unused before deactivation (NOMINATOR_IDLE_DAYS). */
  nominators?: { idleDays?: number };
}

export interface ServerContext {
  db: Database;
  collections: SyncCollections;
  streams: ChangeStreams;
  tokens: AccessTokens;
  channels: { changes: string; access: string };
  /** The durable job queue: enqueue work (e.g. a workflow's callIntegration) for the worker. */
  jobs: JobQueue;
  /** The case data as jobs use it, and the workflow steps taken on the server. */
  steps: ServerSteps;
  /** See AppOptions.publicUrl; `publicUrlOf` (http/public-url.ts) falls back to the request's address. */
  publicUrl?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    saksflyt: ServerContext;
  }
}

/** Builds the central server: opens and migrates the database, registers every route. */
export async function buildApp(options: AppOptions = {}): Promise<FastifyInstance> {
  const ownsDb = !options.db;
  const db =
    options.db ??
    (await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir, schema: options.schema, maxConnections: options.maxConnections }));
  try {
    await migrate(db);
    // Accounts changed by an older version or straight in the database reach the staff directory.
    await publishStaff(db, await listUsers(db));
    const tokens = await AccessTokens.open(db, options.jwtSecret, options.accessTokenSeconds ?? ACCESS_TOKEN_SECONDS);
    const channels = { changes: channelName('sync_changes', options.schema), access: channelName('sync_access', options.schema) };
    const collections = new SyncCollections(options.collections ?? defaultSyncCollections());
    const anchor = options.auditAnchorFile ? AuditAnchor.open(options.auditAnchorFile) : undefined;
    const streams = new ChangeStreams(db, channels);
    await streams.start();

    const app = Fastify({
      logger: options.logger ?? false,
      forceCloseConnections: true,
      frameworkErrors: replyWithError,
      trustProxy: (options.trustProxy ?? false) as FastifyServerOptions['trustProxy'],
    });
    if (anchor)
      app.log.info(
        { auditAnchor: anchor.file, publicKey: anchor.publicKeyFile, keyId: anchor.keyId },
        anchor.keyCreated ? 'audit anchor key created: keep a copy of its public key elsewhere' : 'audit head is signed into the anchor file',
      );
    const sealer = startAuditSealer(db, { anchor, log: app.log });
    const jobs = createJobQueue(db, options.jobs);
    const enqueueIntegration = options.enqueueIntegration ?? queueStepIntegration(options.jobs);
    // Set once the letters' outbox and the job worker exist (below): what a step queued wakes them.
    let wakeEmail = () => {};
    let wakeJobs = () => {};
    const wake = (queued: Queued) => {
      if (queued.email) wakeEmail();
      if (queued.jobs) wakeJobs();
    };
    const steps = serverSteps({ db, changesChannel: channels.changes, enqueueIntegration, log: app.log, wake });
    app.decorate('saksflyt', { db, collections, streams, tokens, channels, jobs, steps, publicUrl: options.publicUrl });
    allowAppOrigins(app);
    refuseBadUrls(app);
    // Inputs are parsed with zod in the handlers; route schemas only document the API.
    app.setValidatorCompiler(() => () => true);
    app.setSerializerCompiler(() => (data) => JSON.stringify(data));
    app.setErrorHandler(replyWithError);
    app.setNotFoundHandler((request, reply) => {
      void reply.status(404).send(new HttpError(404, 'not-found', 'not-found', `No route ${request.method} ${request.url}`).toBody());
    });
    app.addHook('onClose', async () => {
      await streams.stop();
      await sealer.stop();
      if (ownsDb) await db.close();
    });

    // Rate limits are per route (`config.rateLimit`), for the routes anyone may call without signing in.
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) =>
        new HttpError(429, 'too-many-requests', 'forbidden', `Too many requests from this address; try again in ${context.after}.`),
    });
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'Saksflyt central server',
          version: '1',
          description:
            'Accounts and sessions (`/auth`), RxDB HTTP replication per collection (`/sync/{collection}/v{version}/pull|push|stream|reconcile`), ' +
            'letters by e-mail (`/letters`), and the background jobs of a case (`/api/cases/{id}/jobs`). ' +
            'Errors are `{ kind, code, message, details? }` with a machine-readable `code`.',
        },
        components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
        tags: [
          { name: 'auth', description: 'Sign-in, token refresh, sign-out' },
          { name: 'sync', description: 'Replication of the local RxDB database with the server' },
          { name: 'notifications', description: 'Letters e-mailed to students and staff' },
          { name: 'jobs', description: "The server's background jobs (integration calls) per case" },
          NOMINATION_STAFF_TAG,
          CASE_FILES_TAG,
          DEVICES_TAG,
          { name: 'server', description: 'Operations' },
        ],
      },
    });
    await app.register(swaggerUi, { routePrefix: '/docs' });

    const identify = identifier(db, tokens);
    app.get(
      '/health',
      {
        schema: {
          tags: ['server'],
          summary: 'Liveness and database check',
          response: { 200: { type: 'object', properties: { status: { type: 'string' }, engine: { type: 'string' } }, required: ['status', 'engine'] } },
        },
      },
      async () => {
        await db.query('SELECT 1');
        return { status: 'ok', engine: db.engine };
      },
    );
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    registerAuthRoutes(app, {
      db,
      tokens,
      password: localPasswordProvider(db),
      identify,
      limitSignIn: signInLimiter(db, options.signInLimits),
      maxOfflineDays: options.maxOfflineDays,
    });
    registerOidcRoutes(app, { db, tokens, oidc: options.oidc, maxOfflineDays: options.maxOfflineDays });
    const letters = await setUpLetters(app, { db, identify, smtp: options.smtp });
    wakeEmail = letters.wake;
    const caseSteps = caseStepCommands({ log: app.log, enqueueIntegration, wake });
    registerSyncRoutes(app, { db, collections, streams, identify, changesChannel: channels.changes, caseSteps });
    // Adapters' e-mails go into the outbox and wake it, as a step's notices do.
    const email = { enqueue: queueEmailAndWake(db, () => wakeEmail()) };
    const { adapters } = options.jobs ?? {};
    const jobsOptions = { ...options.jobs, adapters: typeof adapters === 'function' ? adapters({ db, log: app.log, email }) : adapters };
    wakeJobs = (await setUpJobs(app, { db, queue: jobs, steps, identify, options: jobsOptions })).wake;
    await registerImobilitiesRoutes(app, { db, identify });
    registerPortal(app, { db, identify, wakeEmail: () => wakeEmail() });
    registerNominators(app, { db, identify, wakeEmail: () => wakeEmail(), idleDays: options.nominators?.idleDays });
    registerNominationStaffRoutes(app, { db, identify });
    registerCaseFileRoutes(app, { db, identify });
    registerDeviceRoutes(app, { db, identify });
    return app;
  } catch (error) {
    if (ownsDb) await db.close();
    throw error;
  }
}

/** The outbox's `enqueue` for adapters: stores the message (once per id) and has it sent at once when the server has SMTP. */
function queueEmailAndWake(db: Database, wake: () => void): EmailOutbox['enqueue'] {
  const store = createSqlEmailOutboxStore(db);
  return async (message, id) => {
    const stored = await queueEmail(store, message, { id });
    wake();
    return stored;
  };
}
