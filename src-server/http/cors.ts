import type { FastifyInstance } from 'fastify';

/**
 * The app calls the server from another origin (the browser host's page, or a file: page in
 * Electron), so the server answers CORS. `*` is safe: authentication is a bearer token, never a
 * cookie. Set on the raw response so hijacked SSE streams carry the header too.
 */
export function allowAppOrigins(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.raw.setHeader('access-control-allow-origin', '*');
    if (request.method !== 'OPTIONS') return;
    reply.raw.setHeader('access-control-allow-methods', 'GET, POST');
    reply.raw.setHeader('access-control-allow-headers', 'authorization, content-type, accept');
    reply.raw.setHeader('access-control-max-age', '600');
    await reply.status(204).send();
  });
}
