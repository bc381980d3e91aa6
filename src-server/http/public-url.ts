import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The address people reach the server at, for links in e-mails: PUBLIC_URL, else the address the request came to. */
export function publicUrlOf(app: FastifyInstance, request: FastifyRequest): string {
  return app.saksflyt.publicUrl ?? `${request.protocol}://${request.host}`;
}
