import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './http-error';

/**
 * Answers any error in the project's shape `{ kind, code, message, details? }`. Used as the error
 * handler and for Fastify's own refusals before routing (a path that does not decode, a path
 * parameter over the length limit), which otherwise answer in Fastify's shape.
 */
export function replyWithError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const httpError = HttpError.from(error);
  if (httpError.status >= 500) request.log.error(error);
  void reply.status(httpError.status).send(httpError.toBody());
}
