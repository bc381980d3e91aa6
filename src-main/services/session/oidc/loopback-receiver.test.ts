import { afterEach, describe, expect, it } from 'vitest';
import { sessionErrorCode } from '../auth-client';
import { startLoopbackReceiver, type LoopbackReceiver } from './loopback-receiver';
import { systemBrowser } from './system-browser';

const STATE = 'state-0123456789abcdef';
let receiver: LoopbackReceiver | undefined;

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'resolved', sessionErrorCode);

describe('the loopback receiver', () => {
  it('listens on 127.0.0.1 and accepts only the one callback carrying the awaited state', async () => {
    receiver = await startLoopbackReceiver();
    const redirect = new URL(receiver.redirectUri);
    expect(redirect.hostname).toBe('127.0.0.1');
    expect(redirect.pathname).toBe('/oidc/callback');
    const callback = receiver.waitFor(STATE, new AbortController().signal);

    expect((await fetch(`${receiver.redirectUri}?code=${'c'.repeat(30)}&state=someone-elses-state`)).status).toBe(400);
    expect((await fetch(new URL(`/other?state=${STATE}`, redirect))).status).toBe(404);
    expect((await fetch(`${receiver.redirectUri}?state=${STATE}`, { method: 'POST' })).status).toBe(404);

    const answer = await fetch(`${receiver.redirectUri}?code=${'c'.repeat(30)}&state=${STATE}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await answer.text();
    expect(page).toContain('Du kan lukke dette vinduet');
    expect(page).toContain('You can close this window');
    const query = await callback;
    expect(query.get('code')).toBe('c'.repeat(30));

    // Taken once: the same callback again is not accepted.
    expect((await fetch(`${receiver.redirectUri}?code=${'c'.repeat(30)}&state=${STATE}`)).status).toBe(400);
  });

  it('hands over an error answer too, and tells the browser the sign-in was not completed', async () => {
    receiver = await startLoopbackReceiver();
    const callback = receiver.waitFor(STATE, new AbortController().signal);
    const answer = await fetch(`${receiver.redirectUri}?error=access-denied&state=${STATE}`);
    expect(await answer.text()).toContain('Innloggingen ble ikke fullført');
    expect((await callback).get('error')).toBe('access-denied');
  });

  it('gives up after its time limit, and when cancelled', async () => {
    receiver = await startLoopbackReceiver();
    expect(await codeOf(receiver.waitFor(STATE, AbortSignal.timeout(50)))).toBe('oidc-expired');
    const cancel = new AbortController();
    const waiting = codeOf(receiver.waitFor(STATE, cancel.signal));
    cancel.abort();
    expect(await waiting).toBe('oidc-cancelled');
    // Nobody waits any more: the callback is refused.
    expect((await fetch(`${receiver.redirectUri}?code=${'c'.repeat(30)}&state=${STATE}`)).status).toBe(400);
  });

  it('closes: the port no longer answers', async () => {
    const closing = await startLoopbackReceiver();
    await closing.close();
    await expect(fetch(closing.redirectUri)).rejects.toThrow();
  });
});

describe('the system browser', () => {
  it('opens the start URL with the loopback redirect_uri and returns what comes back to it', async () => {
    const opened: string[] = [];
    const browser = systemBrowser(async (url) => {
      opened.push(url);
      const redirectUri = new URL(url).searchParams.get('redirect_uri')!;
      // The provider's round trip ends with the server's redirect to the app.
      void fetch(`${redirectUri}?code=${'c'.repeat(30)}&state=${STATE}`);
    });
    const query = await browser.authorize(
      (redirectUri) => `https://server.example/start?redirect_uri=${encodeURIComponent(redirectUri)}`,
      STATE,
      AbortSignal.timeout(5_000),
    );
    expect(query.get('code')).toBe('c'.repeat(30));
    expect(opened).toHaveLength(1);
    // The listener is gone once the answer is in.
    await expect(fetch(new URL(opened[0]!).searchParams.get('redirect_uri')!)).rejects.toThrow();
  });

  it('says so when the browser cannot be opened', async () => {
    const browser = systemBrowser(() => Promise.reject(new Error('no browser')));
    expect(await codeOf(browser.authorize((redirectUri) => redirectUri, STATE, AbortSignal.timeout(5_000)))).toBe('oidc-browser-failed');
  });
});
