import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callbackPage } from './callback-page';
import { stoppedSignIn } from './stopped-sign-in';

const HOST = '127.0.0.1';
const CALLBACK_PATH = '/oidc/callback';

/**
 * The desktop app's redirect target (RFC 8252, loopback interface redirection): a listener on
 * 127.0.0.1 on a free port, for one sign-in. It accepts exactly one callback, the one carrying
 * the awaited `state`; other requests are refused and the wait goes on.
 */
export interface LoopbackReceiver {
  /** `http://127.0.0.1:<port>/oidc/callback`: the redirect_uri to give the server. */
  readonly redirectUri: string;
  /** The query of the callback carrying `state`; rejects when the signal stops the wait (time limit or cancel). */
  waitFor(state: string, signal: AbortSignal): Promise<URLSearchParams>;
  close(): Promise<void>;
}

export async function startLoopbackReceiver(): Promise<LoopbackReceiver> {
  let awaited: { state: string; resolve(query: URLSearchParams): void } | undefined;
  let hostHeader = '';

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    if (req.method !== 'GET' || url.pathname !== CALLBACK_PATH || req.headers.host !== hostHeader) return answer(res, 404, 'unknown');
    if (!awaited || url.searchParams.get('state') !== awaited.state) return answer(res, 400, 'unknown');
    const { resolve } = awaited;
    awaited = undefined;
    answer(res, 200, url.searchParams.has('error') ? 'failed' : 'received');
    resolve(url.searchParams);
  });
  await new Promise<void>((done, failed) => {
    server.once('error', failed);
    server.listen(0, HOST, () => {
      server.off('error', failed);
      done();
    });
  });
  const { port } = server.address() as AddressInfo;
  hostHeader = `${HOST}:${port}`;

  return {
    redirectUri: `http://${hostHeader}${CALLBACK_PATH}`,
    waitFor: (state, signal) =>
      new Promise((resolve, reject) => {
        if (signal.aborted) return reject(stoppedSignIn(signal));
        const stop = () => {
          awaited = undefined;
          reject(stoppedSignIn(signal));
        };
        signal.addEventListener('abort', stop, { once: true });
        awaited = {
          state,
          resolve: (query) => {
            signal.removeEventListener('abort', stop);
            resolve(query);
          },
        };
      }),
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeIdleConnections();
      }),
  };
}

function answer(res: ServerResponse, status: number, page: Parameters<typeof callbackPage>[0]): void {
  const body = callbackPage(page);
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    Connection: 'close',
  });
  res.end(body);
}
