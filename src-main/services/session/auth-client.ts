import { z } from 'zod';
import { serverSessionSchema, type LoginRequest, type ServerSession } from '../../../src-shared/auth/auth.contract';
import { oidcProvidersResponseSchema, type OidcProvidersResponse, type OidcTokenRequest } from '../../../src-shared/auth/oidc.contract';
import type { SessionErrorCode } from '../../../src-shared/ipc/session.contract';
import { AppError, type AppErrorKind } from '../../../src-shared/kernel/app-error';

const serverErrorSchema = z.object({ code: z.string(), message: z.string() });

/** HTTP client for the central server's auth endpoints. Every failure is an AppError with `details.code`. */
export interface AuthClient {
  login(serverUrl: string, request: LoginRequest): Promise<ServerSession>;
  /** Trades the refresh token (used once) for a new session with a new refresh token. */
  refresh(serverUrl: string, refreshToken: string): Promise<ServerSession>;
  /** Ends the server side of the session (this device only). */
  logout(serverUrl: string, refreshToken: string): Promise<void>;
  /** Trades the one-time code of an OIDC sign-in (src-shared/auth/oidc.contract.ts) for a session. */
  oidcToken(serverUrl: string, request: OidcTokenRequest): Promise<ServerSession>;
  /** The OIDC providers the server offers. */
  oidcProviders(serverUrl: string): Promise<OidcProvidersResponse>;
}

export interface AuthClientOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** Server codes (src-shared/sync/sync-error.schema) as the session codes the renderer acts on. */
const byServerCode: Record<string, [AppErrorKind, SessionErrorCode]> = {
  'invalid-credentials': ['forbidden', 'invalid-credentials'],
  'user-disabled': ['forbidden', 'user-disabled'],
  'too-many-sign-ins': ['forbidden', 'too-many-sign-ins'],
  'device-revoked': ['forbidden', 'device-revoked'],
  'refresh-reused': ['forbidden', 'session-ended'],
  unauthenticated: ['forbidden', 'session-ended'],
};

export function createAuthClient(options: AuthClientOptions = {}): AuthClient {
  const send = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  /** POST with a JSON body, or GET without one. */
  async function call(serverUrl: string, path: string, body?: unknown): Promise<Response> {
    let response: Response;
    try {
      response = await send(`${serverUrl.replace(/\/+$/, '')}${path}`, {
        ...(body === undefined
          ? { method: 'GET', headers: { accept: 'application/json' } }
          : { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw sessionError('external', 'server-unreachable', `The server at ${serverUrl} cannot be reached (${describe(error)})`);
    }
    if (response.ok) return response;
    const parsed = serverErrorSchema.safeParse(await response.json().catch(() => null));
    const answer = parsed.success ? parsed.data : undefined;
    const known = answer && byServerCode[answer.code];
    if (answer && known) throw sessionError(known[0], known[1], answer.message, answer.code);
    throw sessionError('external', 'server-error', `The server answered HTTP ${response.status}${answer ? `: ${answer.message}` : ''}`);
  }

  async function session(response: Response): Promise<ServerSession> {
    const parsed = serverSessionSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw sessionError('external', 'server-error', 'The server answered the sign-in in a form this app does not understand');
    return parsed.data;
  }

  return {
    login: async (serverUrl, request) => session(await call(serverUrl, '/auth/login', request)),
    refresh: async (serverUrl, refreshToken) => session(await call(serverUrl, '/auth/refresh', { refreshToken })),
    logout: async (serverUrl, refreshToken) => {
      await call(serverUrl, '/auth/logout', { refreshToken });
    },
    oidcToken: async (serverUrl, request) => session(await call(serverUrl, '/auth/oidc/token', request)),
    oidcProviders: async (serverUrl) => {
      const parsed = oidcProvidersResponseSchema.safeParse(await (await call(serverUrl, '/auth/oidc/providers')).json().catch(() => null));
      if (!parsed.success) throw sessionError('external', 'server-error', 'The server listed its sign-in providers in a form this app does not understand');
      return parsed.data;
    },
  };
}

export function sessionError(kind: AppErrorKind, code: SessionErrorCode, message: string, serverCode?: string): AppError {
  return new AppError(kind, message, serverCode ? { code, serverCode } : { code });
}

/** The session code of an AppError raised by this module (undefined for anything else). */
export function sessionErrorCode(error: unknown): SessionErrorCode | undefined {
  if (!(error instanceof AppError)) return undefined;
  const code = (error.details as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? (code as SessionErrorCode) : undefined;
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (typeof cause === 'string') return cause;
  if (!(error instanceof Error)) return String(error);
  return error.name === 'TimeoutError' ? 'timed out' : error.message;
}
