import type { FastifyInstance } from 'fastify';
import { hasControlCharacter } from '../../src-shared/kernel/control-characters';
import { HttpError } from './http-error';

/** Why a request URL is refused, or undefined when it is fine. */
export function urlProblem(url: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    return 'an escape (%XX) that is not UTF-8';
  }
  return hasControlCharacter(decoded) ? 'a control character' : undefined;
}

/**
 * Refuses (400) a URL whose path or query holds a control character or an escape that does not
 * decode, before any route reads it: no collection name, version, checkpoint or id has one, and
 * PostgreSQL cannot store NUL. Node's HTTP parser already refuses control characters sent raw in
 * the URL or in a header.
 */
export function refuseBadUrls(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const problem = urlProblem(request.url);
    if (problem) throw HttpError.badRequest(`Invalid URL: it contains ${problem}`);
  });
}
