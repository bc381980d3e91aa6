import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { installNavigationGuards, type GuardedWebContents } from './navigation-guards';

/** A stand-in for WebContents: an EventEmitter with setWindowOpenHandler, as Electron documents it. */
class FakeWebContents extends EventEmitter implements GuardedWebContents {
  windowOpenHandler?: (details: { url: string }) => { action: 'deny' };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits like Electron: an event whose preventDefault marks it, with the URL on the event. */
  navigate(event: string, url: string): boolean {
    let prevented = false;
    this.emit(event, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

function setup() {
  const contents = new FakeWebContents();
  const opened: string[] = [];
  const blocked: string[] = [];
  installNavigationGuards(contents, {
    openExternal: async (url) => void opened.push(url),
    onBlocked: (what, url) => blocked.push(`${what} ${url}`),
  });
  return { contents, opened, blocked };
}

describe('navigation guards', () => {
  it('denies every new window and opens allow-listed https links externally', () => {
    const { contents, opened, blocked } = setup();
    expect(contents.windowOpenHandler?.({ url: 'https://lovdata.no/dokument/NL/lov/2005-04-01-15' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://attacker.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'http://lovdata.no/' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://lovdata.no/dokument/NL/lov/2005-04-01-15']);
    expect(blocked).toEqual(['window.open https://attacker.example/', 'window.open http://lovdata.no/']);
  });

  it('prevents every navigation, opening allow-listed links externally', () => {
    const { contents, opened } = setup();
    expect(contents.navigate('will-navigate', 'https://attacker.example/phish')).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate('will-navigate', 'https://www.regjeringen.no/')).toBe(true);
    expect(opened).toEqual(['https://www.regjeringen.no/']);
  });

  it('prevents attaching a webview', () => {
    const { contents } = setup();
    expect(contents.navigate('will-attach-webview', 'about:blank')).toBe(true);
  });

  it('reports a failed external open instead of rejecting unhandled', async () => {
    const contents = new FakeWebContents();
    const blocked: string[] = [];
    installNavigationGuards(contents, {
      openExternal: () => Promise.reject(new Error('no browser')),
      onBlocked: (what) => blocked.push(what),
    });
    contents.windowOpenHandler?.({ url: 'https://lovdata.no/' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(blocked).toEqual(['window.open (opening failed)']);
  });
});
