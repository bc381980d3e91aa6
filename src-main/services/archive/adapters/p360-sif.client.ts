import { z } from 'zod';
import { AppError } from '../../../../src-shared/kernel/app-error';
import type { SecretGetter } from '../../signing/signer-backend';

/** Path of the SIF JSON RPC endpoint under the customer's P360 host: …/[Service]/[Method]. */
export const SIF_RPC_PATH = '/Biz/v2/api/call/SI.Data.RPC/SI.Data.RPC';

/** Every SIF result carries these; operations add their own fields (Recno, CaseNumber, …). */
const sifResultSchema = z.looseObject({
  Successful: z.boolean(),
  ErrorMessage: z.string().nullish(),
  ErrorDetails: z.string().nullish(),
});

export type SifCall = <T extends z.ZodType>(service: string, method: string, parameter: object, result: T) => Promise<z.infer<T>>;

/**
 * Calls SIF as its RPC API expects: POST {"parameter": {...}} as JSON, the auth key as
 * `Authorization: authkey <key>` (with the `clientid` header when one is configured) or, where the
 * installation wants it, as `?authkey=` in the URL. An HTTP error, a body
 * that is not a SIF result, or `Successful: false` becomes an `external` AppError with the
 * archive's own ErrorMessage, so the outbox retries it.
 */
export function createSifClient(options: {
  baseUrl: string;
  authKey: SecretGetter;
  authKeyIn?: 'header' | 'query';
  clientId?: string;
  timeoutMs?: number;
}): SifCall {
  const base = options.baseUrl.replace(/\/+$/, '');
  return async (service, method, parameter, result) => {
    const authKey = await options.authKey();
    if (!authKey) throw new AppError('precondition', 'No P360 SIF auth key is stored');
    const operation = `${service}.${method}`;
    const inQuery = options.authKeyIn === 'query';
    const url = `${base}${SIF_RPC_PATH}/${service}/${method}${inQuery ? `?authkey=${encodeURIComponent(authKey)}` : ''}`;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(inQuery ? {} : { authorization: `authkey ${authKey}` }),
      ...(options.clientId ? { clientid: options.clientId } : {}),
    };
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ parameter }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
      });
    } catch (error) {
      throw new AppError('external', `P360 ${operation}: no answer (${error instanceof Error ? error.message : String(error)})`);
    }
    const text = await response.text();
    if (!response.ok) throw new AppError('external', `P360 ${operation}: HTTP ${response.status}`, { body: text.slice(0, 500) });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new AppError('external', `P360 ${operation}: the answer is not JSON`);
    }
    const envelope = sifResultSchema.safeParse(body);
    if (!envelope.success) throw new AppError('external', `P360 ${operation}: the answer is not a SIF result`);
    if (!envelope.data.Successful) {
      throw new AppError('external', `P360 ${operation}: ${envelope.data.ErrorMessage ?? 'unsuccessful without an error message'}`, {
        details: envelope.data.ErrorDetails ?? undefined,
      });
    }
    const parsed = result.safeParse(body);
    if (!parsed.success) throw new AppError('external', `P360 ${operation}: unexpected answer`, parsed.error.issues);
    return parsed.data;
  };
}
