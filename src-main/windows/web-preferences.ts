import type { WebPreferences } from 'electron';

/** The app page runs sandboxed and isolated: no Node, no remote content, only the typed preload API. */
export function hardenedWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // Chromium's PDF viewer shows the protocol preview (a blob: PDF in an iframe).
    plugins: true,
  };
}
