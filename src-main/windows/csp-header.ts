/** The part of Electron's Session.webRequest used to add the CSP header. */
export interface HeaderSession {
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { url: string; responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
      ) => void,
    ): void;
  };
}

/**
 * Adds the Content-Security-Policy header to every response the session receives. Headers the
 * response already has are kept: a browser enforces every policy it gets, so nothing is loosened.
 */
export function installCspHeader(session: HeaderSession, policy: () => Promise<string>): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const send = (value: string): void => callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [value] } });
    policy().then(send, () => send("default-src 'none'; frame-ancestors 'none'"));
  });
}
