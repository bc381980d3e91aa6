/**
 * The browser's part of an OpenID Connect sign-in, for tests: follows redirects by hand with a
 * cookie jar, and fills in `oidc-provider`'s development sign-in (any password) and consent pages.
 */
export interface BrowserSignInOptions {
  /** Where to stop: the first redirect target for which this is true is returned, not opened. */
  until(url: URL): boolean;
  /** At most this many pages and redirects (default 20). */
  maxSteps?: number;
}

/** Opens `startUrl` as a browser would, signs in as `username`, and returns the redirect `until` picked. */
export async function signInThroughBrowser(startUrl: string, username: string, options: BrowserSignInOptions): Promise<URL> {
  const cookies = new Map<string, string>();
  let request: { url: URL; method: 'GET' | 'POST'; form?: URLSearchParams } = { url: new URL(startUrl), method: 'GET' };
  for (let step = 0; step < (options.maxSteps ?? 20); step++) {
    if (options.until(request.url)) return request.url;
    const response = await fetch(request.url, {
      method: request.method,
      redirect: 'manual',
      headers: {
        cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(request.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: request.form?.toString(),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      request = { url: new URL(location, request.url), method: 'GET' };
      continue;
    }
    const page = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    if (response.status !== 200 || !action || !prompt)
      throw new Error(`Browser sign-in stopped at ${request.url.href}: ${response.status} ${page.slice(0, 300)}`);
    const form = new URLSearchParams({ prompt, ...(prompt === 'login' ? { login: username, password: 'any' } : {}) });
    request = { url: new URL(action.replaceAll('&amp;', '&'), request.url), method: 'POST', form };
  }
  throw new Error(`Browser sign-in did not finish within ${options.maxSteps ?? 20} steps`);
}
