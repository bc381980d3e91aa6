/**
 * Where the server may send the app's one-time code: a loopback address of this machine
 * (`http://127.0.0.1:{port}/…` or `http://[::1]:{port}/…`, the desktop app's listener, RFC 8252)
 * or one of the configured app redirects, exactly (the browser host's own callback page).
 * `localhost` is not loopback here: a name can be made to point elsewhere. Returns the address
 * normalised, or undefined when it is not allowed.
 */
export function allowedAppRedirect(redirectUri: string, configured: readonly string[] = []): string | undefined {
  // Normalised (percent-encoded ASCII), as it is stored and compared.
  const url = new URL(redirectUri);
  if (configured.some((allowed) => new URL(allowed).href === url.href)) return url.href;
  const loopback = url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === '[::1]');
  return loopback && url.username === '' && url.password === '' && url.hash === '' ? url.href : undefined;
}
