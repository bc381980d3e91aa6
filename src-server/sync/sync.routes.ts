import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { pullQuerySchema, pullResponseSchema, reconcileRequestSchema, reconcileResponseSchema } from '../../src-shared/sync/pull.schema';
import { pushRequestSchema, pushResponseSchema } from '../../src-shared/sync/push.schema';
import type { Identity } from '../auth/identify';
import type { Database } from '../db/database';
import { HttpError } from '../http/http-error';
import { docSchema, errorResponse } from '../http/openapi';
import { parseInput } from '../http/parse';
import type { ChangeStreams } from './change-streams';
import { pull } from './pull';
import { push } from './push';
import { reconcile } from './reconcile';
import type { CaseStepHook } from './step-commands';
import type { SyncCollections } from './sync-collections';

export interface SyncRouteDeps {
  db: Database;
  collections: SyncCollections;
  streams: ChangeStreams;
  identify(authorization: string | undefined): Promise<Identity>;
  changesChannel: string;
  /** The server's side of accepted workflow steps (notices, integration calls). */
  caseSteps?: CaseStepHook;
}

const paramsSchema = z.object({ collection: z.string().max(40), version: z.string().max(10) });

const params = {
  type: 'object',
  properties: {
    collection: { type: 'string', description: 'Collection name, e.g. cases, notes, documents, tasks, people' },
    version: { type: 'string', description: "The client's schema version of the collection (the number after `v`)" },
  },
  required: ['collection', 'version'],
};
const security = [{ bearerAuth: [] }];
const commonErrors = { 400: errorResponse, 401: errorResponse, 404: errorResponse, 426: errorResponse };

/** RxDB HTTP replication, one set of endpoints per collection, the schema version in the path. */
export function registerSyncRoutes(app: FastifyInstance, deps: SyncRouteDeps): void {
  async function resolve(request: FastifyRequest) {
    const { collection: name, version } = parseInput(paramsSchema, request.params, 'path');
    const collection = checkedCollection(name, version);
    const identity = await deps.identify(request.headers.authorization);
    return { collection, identity };
  }

  /** The collection, if the client's schema version of it is the server's (426 when older). */
  function checkedCollection(name: string, version: string) {
    const collection = deps.collections.get(name);
    if (!collection) throw new HttpError(404, 'unknown-collection', 'not-found', `No replicated collection "${name}"`);
    const clientVersion = /^\d{1,6}$/.test(version) ? Number(version) : NaN;
    if (Number.isNaN(clientVersion)) throw HttpError.badRequest(`Invalid schema version "${version}"`);
    if (clientVersion < collection.version) {
      throw new HttpError(
        426,
        'schema-outdated',
        'precondition',
        `This app stores ${name} in schema version ${clientVersion}; the server requires version ${collection.version}. Update the app to sync again — your unsynced changes stay on this computer.`,
        { clientVersion, serverVersion: collection.version },
      );
    }
    if (clientVersion > collection.version) {
      throw new HttpError(
        400,
        'schema-unsupported',
        'precondition',
        `The server knows ${name} up to schema version ${collection.version}, not ${clientVersion}.`,
        {
          clientVersion,
          serverVersion: collection.version,
        },
      );
    }
    return collection;
  }

  app.get(
    '/sync/collections',
    {
      schema: {
        tags: ['sync'],
        summary: 'Replicated collections and their current schema versions',
        response: { 200: docSchema(z.object({ collections: z.array(z.object({ name: z.string(), version: z.number() })) }), 'output') },
      },
    },
    async () => ({ collections: deps.collections.all().map(({ name, version }) => ({ name, version })) }),
  );

  app.get(
    '/sync/:collection/v:version/pull',
    {
      schema: {
        tags: ['sync'],
        summary: 'Changes after a checkpoint (RxDB pull)',
        description:
          'Returns up to `batchSize` changed documents the user may see, in server order, with tombstones as full documents (`_deleted: true`). ' +
          '`purged` lists ids the client must drop because the user can no longer see them. Omit `seq` for a first sync; the answer then includes `total`. ' +
          "When `reset` is true the user's access changed: reconcile the ids you hold, then pull from the beginning. " +
          "HTTP 426 means the app's schema version is too old.",
        params,
        querystring: docSchema(pullQuerySchema),
        security,
        response: { 200: docSchema(pullResponseSchema, 'output'), ...commonErrors },
      },
    },
    async (request, reply) => {
      const { collection, identity } = await resolve(request);
      const query = parseInput(pullQuerySchema, request.query, 'query');
      const result = await pull({ db: deps.db, collection, actor: identity.actor, seq: query.seq, batchSize: query.batchSize });
      // The server's own time for this pull, beside the page's in a first sync's profile.
      void reply.header('server-timing', `pull;dur=${reply.elapsedTime.toFixed(1)}`);
      return reply.type('application/json').send(result.json);
    },
  );

  app.post(
    '/sync/:collection/v:version/push',
    {
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        tags: ['sync'],
        summary: 'Write changes (RxDB push)',
        description:
          'Each row carries the state the client based its change on (`assumedMasterState`) and the new state. Rows are applied in one transaction under row locks. ' +
          'A stored state different from the assumed one comes back in `conflicts`; pushing an already stored state again succeeds without effect. ' +
          'Rows the access rules or the case workflow refuse come back in `rejections` with a machine-readable `reason` (and `code`); the other rows are stored.',
        params,
        body: docSchema(pushRequestSchema),
        security,
        response: { 200: docSchema(pushResponseSchema, 'output'), ...commonErrors },
      },
    },
    async (request, reply) => {
      const { collection, identity } = await resolve(request);
      const body = parseInput(pushRequestSchema, request.body, 'push body');
      const response = await push({
        db: deps.db,
        collection,
        actor: identity.actor,
        deviceId: identity.deviceId,
        rows: body.rows,
        channel: deps.changesChannel,
        caseSteps: deps.caseSteps,
      });
      // The server's own time for this push (from the request's arrival), for load measurements.
      void reply.header('server-timing', `push;dur=${reply.elapsedTime.toFixed(1)}`);
      return response;
    },
  );

  app.post(
    '/sync/:collection/v:version/reconcile',
    {
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags: ['sync'],
        summary: 'Which of these ids may the client no longer keep?',
        description: 'Used after a pull answered `reset: true`: the client sends the ids it holds (in chunks) and drops those returned.',
        params,
        body: docSchema(reconcileRequestSchema),
        security,
        response: { 200: docSchema(reconcileResponseSchema, 'output'), ...commonErrors },
      },
    },
    async (request) => {
      const { collection, identity } = await resolve(request);
      const body = parseInput(reconcileRequestSchema, request.body, 'reconcile body');
      return { purged: await reconcile(deps.db, collection, identity.actor, body.ids) };
    },
  );

  app.get(
    '/sync/:collection/v:version/stream',
    {
      schema: {
        tags: ['sync'],
        summary: 'Live changes (Server-Sent Events)',
        description:
          'An event stream. Each `data:` line is either `"RESYNC"` (sent first on every connect: pull to catch up) or a pull-shaped body ' +
          "`{documents, purged, checkpoint, hasMore, reset}` continuing the stream's own position. Comment lines (`: ping`) keep the connection alive. " +
          "The stream ends when the access token expires or the user's access changes; reconnect with a fresh token.",
        params,
        security,
        response: { 200: { description: 'text/event-stream', type: 'string' }, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { collection, identity } = await resolve(request);
      return openStream(request, reply, [collection], identity, deps, (_name, data) => data);
    },
  );

  app.get(
    '/sync/stream',
    {
      schema: {
        tags: ['sync'],
        summary: 'Live changes of several collections on one connection (Server-Sent Events)',
        description:
          'The streams of the listed collections (`collections=cases.v0,notes.v0`) on one connection, so a browser keeps its other connections to the ' +
          'server for pulls and pushes. Each `data:` line is `{collection, event}` with `event` as on `/sync/{collection}/v{version}/stream`; ' +
          "every collection gets its own `RESYNC` on connect. The stream ends when the access token expires or the user's access changes.",
        querystring: { type: 'object', properties: { collections: { type: 'string', description: 'Comma-separated `name.vN`' } }, required: ['collections'] },
        security,
        response: { 200: { description: 'text/event-stream', type: 'string' }, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { collections: list } = parseInput(sharedStreamQuerySchema, request.query, 'query');
      const collections = list.map(({ name, version }) => checkedCollection(name, version));
      const identity = await deps.identify(request.headers.authorization);
      return openStream(request, reply, collections, identity, deps, (name, data) => `{"collection":${JSON.stringify(name)},"event":${data}}`);
    },
  );
}

const sharedStreamQuerySchema = z.object({
  collections: z
    .string()
    .max(1000)
    .transform((value, ctx) => {
      const items = value.split(',').map((item) => /^([a-z][A-Za-z0-9_-]{0,39})\.v(\d{1,6})$/.exec(item));
      if (items.some((item) => !item)) ctx.addIssue({ code: 'custom', message: 'a comma-separated list of name.vN' });
      return items.flatMap((item) => (item ? [{ name: item[1]!, version: item[2]! }] : []));
    })
    .refine((list) => list.length > 0 && new Set(list.map((item) => item.name)).size === list.length, 'each collection once, at least one'),
});

/** Writes the change streams of `collections` to one SSE response; `frame` shapes each data line. */
async function openStream(
  request: FastifyRequest,
  reply: FastifyReply,
  collections: NonNullable<ReturnType<SyncCollections['get']>>[],
  identity: Identity,
  deps: SyncRouteDeps,
  frame: (collection: string, data: string) => string,
): Promise<void> {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  raw.flushHeaders();
  let ended = false;
  const closers: (() => void)[] = [];
  const closeAll = () => closers.forEach((close) => close());
  // One stream ending (token expired, access changed) ends the connection: the client reconnects.
  const end = () => {
    if (ended) return;
    ended = true;
    raw.end();
    closeAll();
  };
  request.raw.on('close', () => {
    ended = true;
    closeAll();
  });
  for (const collection of collections) {
    const close = await deps.streams.open({
      collection,
      actor: identity.actor,
      deviceId: identity.deviceId,
      expiresAt: identity.expiresAt,
      sink: {
        send: (data) => {
          if (!ended) raw.write(`data: ${frame(collection.name, data)}\n\n`);
        },
        comment: (text) => {
          if (!ended) raw.write(`: ${text}\n\n`);
        },
        end,
      },
    });
    closers.push(close);
    if (ended) close();
  }
}
