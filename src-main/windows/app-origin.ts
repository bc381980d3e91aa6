import { pathToFileURL } from 'node:url';

/** Where the app's own page is loaded from: the built index.html, or electron-vite's dev server. */
export type AppPage = { kind: 'file'; indexHtmlPath: string } | { kind: 'dev-server'; url: string };

/** True for URLs of the app's own page (any route or hash inside it), false for everything else. */
export function createAppPageMatcher(page: AppPage): (url: string) => boolean {
  if (page.kind === 'file') {
    const own = pathToFileURL(page.indexHtmlPath);
    return (url) => {
      const candidate = parseUrl(url);
      return candidate?.protocol === 'file:' && candidate.host === own.host && candidate.pathname === own.pathname;
    };
  }
  const devOrigin = new URL(page.url).origin;
  return (url) => parseUrl(url)?.origin === devOrigin;
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
