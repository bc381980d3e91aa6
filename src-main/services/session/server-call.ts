import { AppError } from '../../../src-shared/kernel/app-error';

/** Where the app's calls to the central server go and with which token: the signed-in session's (throws when there is none). */
export type ServerConnection = () => Promise<{ serverUrl: string; accessToken: string }>;

export interface ServerCallOptions {
  connection: ServerConnection;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** The server's answer: its status, its JSON body (undefined when none), and its message (or "HTTP <status>") and code. */
export interface ServerAnswer {
  status: number;
  ok: boolean;
  body: unknown;
  reason: string;
  code?: string;
}

/**
 * One call of the main process to the central server in the signed-in session's name. Throws
 * `precondition` when nobody is signed in and `external` when the server cannot be reached;
 * every answer the server gives is returned, for the caller to read in its own terms.
 */
export async function callServer(options: ServerCallOptions, request: { method: 'GET' | 'POST' | 'PUT'; path: string; body?: unknown }): Promise<ServerAnswer> {
  let connection: Awaited<ReturnType<ServerConnection>>;
  try {
    connection = await options.connection();
  } catch (error) {
    throw new AppError('precondition', `Not connected to the central server: ${AppError.from(error).message}`);
  }
  const json = request.body !== undefined;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(new URL(request.path, connection.serverUrl), {
      method: request.method,
      headers: { authorization: `Bearer ${connection.accessToken}`, ...(json ? { 'content-type': 'application/json' } : {}) },
      ...(json ? { body: JSON.stringify(request.body) } : {}),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
  } catch (error) {
    throw new AppError('external', `The central server could not be reached: ${AppError.from(error).message}`);
  }
  const body: unknown = await response.json().catch(() => undefined);
  const { message, code } = (body ?? {}) as { message?: unknown; code?: unknown };
  return {
    status: response.status,
    ok: response.ok,
    body,
    reason: typeof message === 'string' ? message : `HTTP ${response.status}`,
    ...(typeof code === 'string' ? { code } : {}),
  };
}
