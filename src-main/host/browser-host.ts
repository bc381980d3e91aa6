import { mkdir, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { APP_NAME, APP_VERSION } from '../services/app-info/app-info.service';
import { composeServices, secretsFilePath } from '../services/compose-services';
import { createPlainFileSecureStore } from '../services/secure-store/plain-file-secure-store';
import { createTabRedirect } from '../services/session/oidc/tab-redirect';
import { buildContentSecurityPolicy, httpOrigin } from '../windows/content-security-policy';
import { OIDC_CALLBACK_PATH, oidcRoute } from './oidc-routes';
import { errorReply, handleRpc, RPC_PREFIX, type RpcReply } from './rpc-route';
import { lookupStaticFile, sendFile } from './static-files';

export interface BrowserHost {
  url: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const REPO_RESOURCES_DIR = resolve(import.meta.dirname, '..', '..', 'resources');
const REPO_SCHEMAS_DIR = resolve(import.meta.dirname, '..', '..', 'vendor', 'schemas');

/**
 * Browser mode: serves the built renderer and the same IPC handlers as Electron over HTTP
 * (`POST /rpc/<channel>`), on 127.0.0.1 only. Requests must name this host (no DNS rebinding)
 * and may not come from another origin (no cross-site requests).
 * Secrets live in a plain 0600 file here: browser mode is for development and tests.
 */
export async function startBrowserHost(options: {
  port?: number;
  dataDir: string;
  rendererDir: string;
  /** The app's resources/ folder (fonts of the generated PDFs); the repo's by default. */
  resourcesDir?: string;
}): Promise<BrowserHost> {
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const rendererRoot = await realpath(options.rendererDir).catch(() => {
    throw new Error(`Renderer build not found at ${resolve(options.rendererDir)}: run \`npm run build\` first.`);
  });
  let hostUrl = '';
  // Sign-in through Feide sends this tab to the provider and back to the host (./oidc-routes.ts).
  const tab = createTabRedirect(() => new URL(OIDC_CALLBACK_PATH, hostUrl).href);
  const services = await composeServices({
    appInfo: { name: APP_NAME, version: APP_VERSION, shell: 'browser', platform: process.platform, dataDir },
    secureStore: createPlainFileSecureStore(secretsFilePath(dataDir)),
    logSource: 'browser-host',
    resourcesDir: options.resourcesDir ?? REPO_RESOURCES_DIR,
    schemasDir: REPO_SCHEMAS_DIR,
    oidcBrowser: tab,
  });

  let allowedHosts: Set<string> = new Set();
  const securityHeaders = async (): Promise<Record<string, string>> => {
    const serverOrigin = httpOrigin((await services.settings.get()).serverUrl);
    return {
      'Content-Security-Policy': buildContentSecurityPolicy({ connectSources: serverOrigin ? [serverOrigin] : [] }),
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
    };
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    const isRpc = rawPath.startsWith(RPC_PREFIX);
    const headers = await securityHeaders();
    if (!allowedHosts.has(req.headers.host ?? '') || (rawPath !== OIDC_CALLBACK_PATH && !isSameOrigin(req, allowedHosts))) {
      const reply = errorReply('forbidden', 'Only this page on 127.0.0.1 may call the browser host');
      if (isRpc) return sendJson(res, reply, headers);
      return sendText(res, 403, 'Forbidden', headers);
    }
    if (isRpc) return sendJson(res, await handleRpc(req, rawPath.slice(RPC_PREFIX.length), services.handlers), headers);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method Not Allowed', headers);
    if (await oidcRoute(rawPath, new URL(req.url ?? '/', hostUrl).searchParams, res, { tab, handlers: services.handlers, headers })) return;
    const found = await lookupStaticFile(rendererRoot, rawPath);
    if (found.kind !== 'file') return sendText(res, 404, 'Not Found', headers);
    await sendFile(res, found.path, { headOnly: req.method === 'HEAD', headers });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      void services.logger
        .write({ level: 'error', message: 'Browser host request failed', context: { error: String(error) }, source: 'browser-host' })
        .catch(() => undefined);
      if (res.headersSent) res.destroy();
      else sendJson(res, errorReply('internal', 'Unexpected error in the browser host'), {});
    });
  });

  await new Promise<void>((done, failed) => {
    const notListening = (error: Error) => {
      void services.close();
      failed(error);
    };
    server.once('error', notListening);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', notListening);
      done();
    });
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`${HOST}:${port}`, `localhost:${port}`]);
  hostUrl = `http://${HOST}:${port}/`;

  return {
    url: hostUrl,
    close: async () => {
      await new Promise<void>((done, failed) => {
        server.close((error) => (error ? failed(error) : done()));
        server.closeAllConnections();
      });
      await services.close();
    },
  };
}

/**
 * Browsers send Origin (or Sec-Fetch-Site) on cross-origin requests, and Origin on every POST: one
 * that is not exactly this host's is refused. Without either (a client that is no browser) it is served.
 */
function isSameOrigin(req: IncomingMessage, allowedHosts: Set<string>): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && !(origin.startsWith('http://') && allowedHosts.has(origin.slice('http://'.length)))) return false;
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

function sendJson(res: ServerResponse, reply: RpcReply, headers: Record<string, string>): void {
  const body = JSON.stringify(reply.envelope);
  res.writeHead(reply.status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    ...(reply.status === 413 ? { Connection: 'close' } : {}),
  });
  res.end(body);
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}
