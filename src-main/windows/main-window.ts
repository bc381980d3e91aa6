import type { BrowserWindowConstructorOptions } from 'electron';
import { type AppPage } from './app-origin';
import { hardenedWebPreferences } from './web-preferences';

/** The part of Electron's BrowserWindow used here. */
export interface WindowLike {
  loadFile(path: string): Promise<void>;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    title: 'Saksflyt',
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: hardenedWebPreferences(preloadPath),
  };
}

/** Creates the window hidden, loads the app page and shows it once painted (no white flash). */
export async function openMainWindow<W extends WindowLike>(
  create: (options: BrowserWindowConstructorOptions) => W,
  options: { preloadPath: string; page: AppPage },
): Promise<W> {
  const window = create(mainWindowOptions(options.preloadPath));
  window.once('ready-to-show', () => window.show());
  if (options.page.kind === 'file') await window.loadFile(options.page.indexHtmlPath);
  else await window.loadURL(options.page.url);
  return window;
}
