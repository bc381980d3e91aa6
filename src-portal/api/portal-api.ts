import type { z } from 'zod';
import { serverSessionSchema, type ServerSession } from '../../src-shared/auth/auth.contract';
import {
  portalMeSchema,
  portalNominationsSchema,
  portalOffersSchema,
  type PortalMe,
  type PortalNomination,
  type PortalOffer,
} from '../../src-shared/portal/portal.contract';
import { syncErrorSchema } from '../../src-shared/sync/sync-error.schema';
import { loadSession, saveSession } from './session-store';

/** Why a call failed, as the pages tell the user. */
export type PortalFailure = 'wrong-credentials' | 'too-many' | 'forbidden' | 'expired' | 'unavailable';

export class PortalApiError extends Error {
  constructor(readonly failure: PortalFailure) {
    super(failure);
  }
}

/**
 * The portal's client of the central server (same origin): sign-in and sign-out through `/auth`,
 * reads through `/portal/api` with the bearer token. An expired access token is renewed once with
 * the refresh token; every answer is parsed with the shared contract.
 */
export class PortalApi {
  private session: ServerSession | undefined = loadSession();

  get signedIn(): boolean {
    return this.session !== undefined;
  }

  async signIn(username: string, password: string): Promise<void> {
    const response = await this.send('/auth/login', { method: 'POST', body: { username, password, deviceName: 'Partnerportal' } });
    if (response.status === 401 || response.status === 400) throw new PortalApiError('wrong-credentials');
    if (response.status === 429) throw new PortalApiError('too-many');
    this.keep(await parsed(response, serverSessionSchema));
    try {
      await this.me();
    } catch (error) {
      // Signed in, but not a portal user: end the session at once.
      await this.signOut();
      throw error;
    }
  }

  async signOut(): Promise<void> {
    const refreshToken = this.session?.refreshToken;
    this.keep(undefined);
    if (refreshToken) await this.send('/auth/logout', { method: 'POST', body: { refreshToken } }).catch(() => undefined);
  }

  me(): Promise<PortalMe> {
    return this.read('/portal/api/me', portalMeSchema);
  }

  async nominations(): Promise<PortalNomination[]> {
    return (await this.read('/portal/api/nominations', portalNominationsSchema)).nominations;
  }

  async offers(): Promise<PortalOffer[]> {
    return (await this.read('/portal/api/offers', portalOffersSchema)).offers;
  }

  private async read<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>> {
    let response = await this.send(path, { token: this.session?.accessToken });
    if (response.status === 401 && (await this.refresh())) response = await this.send(path, { token: this.session?.accessToken });
    if (response.status === 401) {
      this.keep(undefined);
      throw new PortalApiError('expired');
    }
    if (response.status === 403) throw new PortalApiError('forbidden');
    return parsed(response, schema);
  }

  private async refresh(): Promise<boolean> {
    if (!this.session) return false;
    const response = await this.send('/auth/refresh', { method: 'POST', body: { refreshToken: this.session.refreshToken } });
    if (!response.ok) return false;
    this.keep(await parsed(response, serverSessionSchema));
    return true;
  }

  private keep(session: ServerSession | undefined): void {
    this.session = session;
    saveSession(session);
  }

  private async send(path: string, options: { method?: 'GET' | 'POST'; body?: unknown; token?: string }): Promise<Response> {
    const headers: Record<string, string> = {};
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    try {
      return await fetch(path, { method: options.method ?? 'GET', headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    } catch {
      throw new PortalApiError('unavailable');
    }
  }
}

/** A 2xx answer parsed with its schema; anything else (or a shape we do not know) is "unavailable". */
async function parsed<T extends z.ZodType>(response: Response, schema: T): Promise<z.infer<T>> {
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = syncErrorSchema.safeParse(body);
    throw new PortalApiError(error.success && error.data.code === 'forbidden' ? 'forbidden' : 'unavailable');
  }
  const result = schema.safeParse(body);
  if (!result.success) throw new PortalApiError('unavailable');
  return result.data;
}
