import type { ResultSource } from './result-source.contract';
import type { SourceReply } from './source-answer';

/**
 * Asks one source for one student's passed results (GET {baseUrl}/students/{nationalId}/results).
 * Never throws: a refused connection, a reset, no answer within `timeoutMs` or `cancel` firing is
 * an `unreachable` reply.
 */
export async function askSource(source: ResultSource, nationalId: string, timeoutMs: number, cancel?: AbortSignal): Promise<SourceReply> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = cancel ? AbortSignal.any([timeout, cancel]) : timeout;
  const base = source.baseUrl.endsWith('/') ? source.baseUrl : `${source.baseUrl}/`;
  const url = new URL(`students/${encodeURIComponent(nationalId)}/results`, base);
  try {
    const response = await fetch(url, { signal, headers: { accept: 'application/json' } });
    return { kind: 'answered', status: response.status, body: await response.text() };
  } catch (error) {
    if (timeout.aborted) return { kind: 'unreachable', reason: `no answer within ${timeoutMs} ms` };
    if (cancel?.aborted) return { kind: 'unreachable', reason: 'fetch cancelled' };
    return { kind: 'unreachable', reason: networkReason(error) };
  }
}

/** The short reason a request failed: the socket error code (ECONNREFUSED, …) when there is one. */
export function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
