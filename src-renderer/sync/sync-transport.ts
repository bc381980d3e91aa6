import type { z } from 'zod';
import { pullResponseSchema, reconcileResponseSchema, MAX_RECONCILE_IDS, type PullResponse } from '../../src-shared/sync/pull.schema';
import { pushResponseSchema, type PushResponse, type PushRow } from '../../src-shared/sync/push.schema';
import { streamEventSchema, STREAM_HEARTBEAT_SECONDS, taggedStreamEventSchema, type TaggedStreamEvent } from '../../src-shared/sync/stream.schema';
import { syncErrorSchema, type SyncErrorCode } from '../../src-shared/sync/sync-error.schema';
import { sharedStreamPath, syncPath } from '../../src-shared/sync/sync-routes';
import { readServerSentEvents } from './sse-reader';

/** Where the access token comes from; the refresh token itself stays in the main process. */
export interface SyncAuth {
  /** The current access token, or null when signed out. */
  getAccessToken(): Promise<string | null> | string | null;
  /** Called once when the server says the token expired: a new access token, or null. */
  refresh(): Promise<string | null>;
}

/** A failed sync request. `code` is the server's machine-readable code, or `network`/`timeout`/`bad-response`. */
export class SyncRequestError extends Error {
  constructor(
    readonly code: SyncErrorCode | 'network' | 'timeout' | 'bad-response' | 'signed-out',
    readonly status: number,
    message: string,
    /** The server's machine-readable detail (e.g. a 422's errors per field), when it sent one. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'SyncRequestError';
  }

  /** Failures that retrying later can fix (the network, the server being away). */
  get transient(): boolean {
    return this.code === 'network' || this.code === 'timeout' || this.status >= 500 || this.status === 429 || this.status === 408;
  }
}

export interface SyncTransportOptions {
  baseUrl: string;
  auth: SyncAuth;
  fetch?: typeof fetch;
  /** Every request's outcome: reachability and errors for the status bar. */
  onResult?(result: { ok: true } | { ok: false; error: SyncRequestError }): void;
  requestTimeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** HTTP client for the replication endpoints (see src-shared/sync for the wire protocol). */
export class SyncTransport {
  private readonly fetch: typeof fetch;

  constructor(private readonly options: SyncTransportOptions) {
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  pull(collection: string, version: number, seq: string | undefined, batchSize: number): Promise<PullResponse> {
    const query = new URLSearchParams({ batchSize: String(batchSize), ...(seq === undefined ? {} : { seq }) });
    return this.json(`${syncPath(collection, version, 'pull')}?${query}`, { method: 'GET' }, pullResponseSchema);
  }

  push(collection: string, version: number, rows: PushRow[]): Promise<PushResponse> {
    return this.json(syncPath(collection, version, 'push'), { method: 'POST', body: JSON.stringify({ rows }) }, pushResponseSchema);
  }

  /** Of the given ids, those this device must drop (asked in chunks the server accepts). */
  async reconcile(collection: string, version: number, ids: string[]): Promise<string[]> {
    const purged: string[] = [];
    for (let start = 0; start < ids.length; start += MAX_RECONCILE_IDS) {
      const chunk = ids.slice(start, start + MAX_RECONCILE_IDS);
      const response = await this.json(
        syncPath(collection, version, 'reconcile'),
        { method: 'POST', body: JSON.stringify({ ids: chunk }) },
        reconcileResponseSchema,
      );
      purged.push(...response.purged);
    }
    return purged;
  }

  /**
   * Opens the live stream and yields its events until it ends or `signal` aborts. A stream that
   * stays silent for three heartbeats is treated as dead (a half-open connection) and ends.
   */
  /** The live events of one collection. */
  async *stream(collection: string, version: number, signal: AbortSignal): AsyncGenerator<TaggedStreamEvent> {
    for await (const event of this.events(syncPath(collection, version, 'stream'), streamEventSchema, signal)) yield { collection, event };
  }

  /** The live events of several collections on one connection (a browser has few per server). */
  sharedStream(collections: readonly { name: string; version: number }[], signal: AbortSignal): AsyncGenerator<TaggedStreamEvent> {
    return this.events(sharedStreamPath(collections), taggedStreamEventSchema, signal);
  }

  private async *events<T extends z.ZodType>(path: string, schema: T, signal: AbortSignal): AsyncGenerator<z.infer<T>> {
    const watchdog = new AbortController();
    const onAbort = () => watchdog.abort();
    signal.addEventListener('abort', onAbort);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const alive = () => {
      clearTimeout(timer);
      timer = setTimeout(() => watchdog.abort(), STREAM_HEARTBEAT_SECONDS * 3 * 1000);
    };
    try {
      alive();
      const response = await this.request(path, { method: 'GET', headers: { accept: 'text/event-stream' } }, watchdog.signal, false);
      if (!response.body) throw new SyncRequestError('bad-response', response.status, 'The stream has no body');
      for await (const data of readServerSentEvents(response.body, alive)) {
        alive();
        const parsed = schema.safeParse(safeJson(data));
        if (!parsed.success) throw new SyncRequestError('bad-response', 200, 'The server sent an event this app does not understand');
        yield parsed.data;
      }
    } catch (error) {
      if (signal.aborted) return;
      if (watchdog.signal.aborted) throw new SyncRequestError('timeout', 0, 'The live connection went silent');
      throw error;
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }
  }

  /** Any JSON endpoint of the server, its answer parsed with `schema` (also used by the renderer's server-api.ts). */
  async json<T extends z.ZodType>(path: string, init: RequestInit, schema: T): Promise<z.infer<T>> {
    const response = await this.request(path, init, AbortSignal.timeout(this.options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS), true);
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw this.fail(toRequestError(error));
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw this.fail(new SyncRequestError('bad-response', response.status, 'The server answered in a form this app does not understand'));
    return parsed.data;
  }

  /** Sends with the access token; on `token-expired` refreshes once and sends again. */
  async request(path: string, init: RequestInit, signal: AbortSignal, report: boolean): Promise<Response> {
    let token = await this.options.auth.getAccessToken();
    for (let attempt = 0; ; attempt++) {
      if (!token) throw this.fail(new SyncRequestError('signed-out', 401, 'Not signed in'));
      let response: Response;
      try {
        response = await this.fetch(`${this.options.baseUrl}${path}`, {
          ...init,
          signal,
          headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers, authorization: `Bearer ${token}` },
        });
      } catch (error) {
        throw this.fail(toRequestError(error));
      }
      if (response.ok) {
        if (report) this.options.onResult?.({ ok: true });
        return response;
      }
      const error = await errorOf(response);
      if (error.code === 'token-expired' && attempt === 0) {
        token = await this.options.auth.refresh();
        continue;
      }
      throw this.fail(error);
    }
  }

  private fail(error: SyncRequestError): SyncRequestError {
    this.options.onResult?.({ ok: false, error });
    return error;
  }
}

async function errorOf(response: Response): Promise<SyncRequestError> {
  const body = syncErrorSchema.safeParse(await response.json().catch(() => null));
  if (body.success) return new SyncRequestError(body.data.code, response.status, body.data.message, body.data.details);
  return new SyncRequestError(response.status >= 500 ? 'internal' : 'bad-request', response.status, `HTTP ${response.status}`);
}

function toRequestError(error: unknown): SyncRequestError {
  if (error instanceof SyncRequestError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError') return new SyncRequestError('timeout', 0, 'The server did not answer in time');
  return new SyncRequestError('network', 0, 'The server cannot be reached');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
