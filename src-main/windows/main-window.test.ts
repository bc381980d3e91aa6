import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createAppPageMatcher } from './app-origin';
import { openMainWindow, type WindowLike } from './main-window';

class FakeWindow implements WindowLike {
  readonly loaded: string[] = [];
  shown = false;
  private readyListener?: () => void;
  constructor(readonly options: BrowserWindowConstructorOptions) {}
  async loadFile(path: string): Promise<void> {
    this.loaded.push(`file:${path}`);
    this.readyListener?.();
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(`url:${url}`);
  }
  once(_event: 'ready-to-show', listener: () => void): this {
    this.readyListener = listener;
    return this;
  }
  show(): void {
    this.shown = true;
  }
}

describe('main window', () => {
  it('is created hidden with hardened web preferences, loads the page and shows when ready', async () => {
    const window = await openMainWindow((options) => new FakeWindow(options), {
      preloadPath: '/app/out/preload/preload.cjs',
      page: { kind: 'file', indexHtmlPath: '/app/out/renderer/index.html' },
    });
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(window.loaded).toEqual(['file:/app/out/renderer/index.html']);
    expect(window.shown).toBe(true);
  });

  it('loads the dev server URL in dev', async () => {
    const window = await openMainWindow((options) => new FakeWindow(options), {
      preloadPath: '/p.cjs',
      page: { kind: 'dev-server', url: 'http://localhost:5173/' },
    });
    expect(window.loaded).toEqual(['url:http://localhost:5173/']);
  });
});

describe('app page matcher', () => {
  const isFilePage = createAppPageMatcher({ kind: 'file', indexHtmlPath: '/app/out/renderer/index.html' });
  const isDevPage = createAppPageMatcher({ kind: 'dev-server', url: 'http://localhost:5173/' });

  it.each([
    [isFilePage, 'file:///app/out/renderer/index.html', true],
    [isFilePage, 'file:///app/out/renderer/index.html#/cases/1?tab=notes', true],
    [isFilePage, 'file:///app/out/renderer/other.html', false],
    [isFilePage, 'file:///tmp/index.html', false],
    [isFilePage, 'https://app/out/renderer/index.html', false],
    [isFilePage, 'garbage', false],
    [isDevPage, 'http://localhost:5173/cases', true],
    [isDevPage, 'http://localhost:5174/', false],
    [isDevPage, 'http://127.0.0.1:5173/', false],
  ])('%#: %s → %s', (matcher, url, expected) => expect(matcher(url)).toBe(expected));
});
