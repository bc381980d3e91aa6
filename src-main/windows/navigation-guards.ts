import { isAllowedExternalUrl } from './external-links';

interface PreventableEvent {
  preventDefault(): void;
}

/** The part of Electron's WebContents the guards use. */
export interface GuardedWebContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (event: PreventableEvent & { url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
}

/**
 * No new windows, no navigation away from the app page, no <webview>. Links to allow-listed https
 * hosts (window.open or a plain link) open in the user's browser instead.
 */
export function installNavigationGuards(
  contents: GuardedWebContents,
  options: {
    openExternal: (url: string) => Promise<void>;
    isAllowedExternal?: (url: string) => boolean;
    onBlocked?: (what: string, url: string) => void;
  },
): void {
  const isAllowed = options.isAllowedExternal ?? ((url: string) => isAllowedExternalUrl(url));
  const openOrBlock = (what: string, url: string): void => {
    if (isAllowed(url)) {
      options.openExternal(url).catch(() => options.onBlocked?.(`${what} (opening failed)`, url));
    } else {
      options.onBlocked?.(what, url);
    }
  };
  contents.setWindowOpenHandler(({ url }) => {
    openOrBlock('window.open', url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    openOrBlock('navigation', event.url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
