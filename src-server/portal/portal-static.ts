import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http/http-error';
import { REPO_ROOT } from '../repo-root';

/** Where `npm run build` puts the portal (portal.vite.config.ts). */
export const PORTAL_DIR = resolve(REPO_ROOT, 'out', 'portal');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

/** The portal only talks to its own origin: no inline code, no frames, no other hosts. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The browser host's security headers (src-main/host/browser-host.ts), with the portal's CSP. */
export const PORTAL_SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** The file a portal path names inside `root`, or undefined when it would leave it. */
export function portalFile(root: string, path: string): string | undefined {
  const file = resolve(root, `.${sep}${path || 'index.html'}`);
  const inside = relative(root, file);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? file : undefined;
}

/**
 * Serves the built portal at `/portal/` (the page routes are in its URL hash, so only files are
 * asked for): known file types only, never a path outside the portal's folder.
 */
export function registerPortalStatic(app: FastifyInstance, root = PORTAL_DIR): void {
  app.get('/portal', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/portal/'));
  app.get<{ Params: { '*': string } }>('/portal/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.params['*'];
    const file = portalFile(root, path);
    const type = file && CONTENT_TYPES[extname(file)];
    if (!file || !type || !(await stat(file).catch(() => undefined))?.isFile()) {
      throw new HttpError(404, 'not-found', 'not-found', `No portal file ${path}`);
    }
    // Hashed asset names change with their content; the page itself is always asked for again.
    const cache = path.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    return reply.headers({ ...PORTAL_SECURITY_HEADERS, 'content-type': type, 'cache-control': cache }).send(await readFile(file));
  });
}
