/**
 * The Content-Security-Policy sent as a response header by Electron (onHeadersReceived) and by the
 * browser host. The page's own meta CSP (src-renderer/index.html) applies as well; a browser
 * enforces both, so this header never loosens the meta policy. `frame-ancestors` only works here:
 * browsers ignore it in a meta tag.
 */
/**
 * A central server on this machine (embedded server, tests) is reachable whatever the settings say,
 * so changing the server URL between loopback ports works without a reload. The same as the meta CSP.
 */
const LOOPBACK_SOURCES = ['http://127.0.0.1:*', 'http://localhost:*'];

export function buildContentSecurityPolicy(
  options: {
    /** Origins the renderer may fetch from besides its own, e.g. the central sync server. */
    connectSources?: readonly string[];
    /** Vite's dev server needs an inline preamble script and a websocket for hot reload. */
    devServer?: boolean;
  } = {},
): string {
  const connect = ["'self'", ...LOOPBACK_SOURCES, ...(options.connectSources ?? []), ...(options.devServer ? ['ws:'] : [])];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...(options.devServer ? ["'unsafe-inline'"] : [])],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': [...new Set(connect)],
    'worker-src': ["'self'", 'blob:'],
    // The protocol preview shows the generated PDF in an <iframe> of a blob: URL (browser's PDF viewer).
    'frame-src': ['blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** The origin of an http(s) URL, or nothing for anything else (so a bad setting cannot widen the CSP). */
export function httpOrigin(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}
