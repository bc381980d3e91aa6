import { createContext, useContext, useMemo } from 'react';
import { combineLatest, map, of } from 'rxjs';
import type { z } from 'zod';
import { useObservable } from '../../db/use-observable';
import { SyncRequestError, SyncTransport, type SyncAuth } from '../../sync/sync-transport';
import { useSyncControls } from '../sync-status/sync-context';

/**
 * The desktop app's client of the central server's API (`/api/…`), for any case type: JSON over the
 * signed-in session's server address with its access token (refreshed once when the server says it
 * expired), each answer parsed with the contract's zod schema. A refusal throws ServerApiError with
 * the server's `code`, message and details (e.g. a 422's errors per field).
 */
export { SyncRequestError as ServerApiError };

/** A file the server sent, with the name its content-disposition gave. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

const DOWNLOAD_TIMEOUT_MS = 120_000;

export class ServerApi {
  private readonly transport: SyncTransport;

  constructor(serverUrl: string, auth: SyncAuth, fetchImpl?: typeof fetch) {
    this.transport = new SyncTransport({ baseUrl: serverUrl.replace(/\/+$/, ''), auth, fetch: fetchImpl });
  }

  get<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>> {
    return this.transport.json(path, { method: 'GET' }, schema);
  }

  post<T extends z.ZodType>(path: string, body: unknown, schema: T): Promise<z.infer<T>> {
    return this.transport.json(path, { method: 'POST', body: JSON.stringify(body) }, schema);
  }

  async download(path: string): Promise<DownloadedFile> {
    const response = await this.transport.request(path, { method: 'GET' }, AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS), false);
    return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) ?? path.split('/').pop()! };
  }
}

/** The file name of a content-disposition header: the exact `filename*` (RFC 5987) before the ASCII `filename`. */
export function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const exact = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (exact) {
    try {
      return decodeURIComponent(exact.trim());
    } catch {
      // A malformed exact name: the ASCII one below.
    }
  }
  return /filename\s*=\s*"([^"]*)"/i.exec(disposition)?.[1] ?? /filename\s*=\s*([^;\s]+)/i.exec(disposition)?.[1];
}

/** The signed-in session's server client (session-gate provides it); null in demo mode. */
export const ServerApiContext = createContext<ServerApi | null>(null);

/**
 * The server client while the app is signed in and reaches the server; null in demo mode (no
 * server) and while offline: the screen then says the action needs a connection to the server.
 */
export function useServerApi(): ServerApi | null {
  const api = useContext(ServerApiContext);
  const controls = useSyncControls();
  const online$ = useMemo(
    () =>
      controls ? combineLatest([controls.handle.status$, controls.tokenReachable$]).pipe(map(([status, reachable]) => status.online && reachable)) : of(false),
    [controls],
  );
  const online = useObservable(online$);
  return api && online ? api : null;
}
