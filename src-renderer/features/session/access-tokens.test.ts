import { describe, expect, it } from 'vitest';
import type { SaksflytApi } from '../../../src-shared/ipc/channels';
import { SyncRequestError } from '../../sync/sync-transport';
import { AccessTokens } from './access-tokens';

const NOW = Date.parse('2026-03-10T10:00:00.000Z');
const at = (ms: number) => new Date(NOW + ms).toISOString();

type Refresh = SaksflytApi['sessionRefresh'];

function mainProcess(answers: Awaited<ReturnType<Refresh>>[]) {
  const calls: unknown[] = [];
  const sessionRefresh: Refresh = async (input) => {
    calls.push(input);
    await new Promise((resolve) => setTimeout(resolve, 5));
    return answers.shift() ?? { ok: false, error: { kind: 'internal', message: 'no more answers' } };
  };
  return { calls, api: { sessionRefresh } };
}

describe('access tokens for the sync client', () => {
  it('hands out a token while it is fresh and asks main for a new one, once, when it is not', async () => {
    const main = mainProcess([{ ok: true, value: { accessToken: 'B', accessTokenExpiresAt: at(900_000) } }]);
    let now = NOW;
    const tokens = new AccessTokens(
      main.api,
      { accessToken: 'A', accessTokenExpiresAt: at(60_000) },
      () => undefined,
      () => now,
    );
    expect(await tokens.getAccessToken()).toBe('A');
    now += 40_000;
    expect(await Promise.all([tokens.getAccessToken(), tokens.getAccessToken(), tokens.refresh()])).toEqual(['B', 'B', 'B']);
    expect(main.calls).toEqual([{ expiredToken: 'A' }]);
  });

  it('treats a server main cannot reach as a network failure, not as a sign-out', async () => {
    const ended: string[] = [];
    const main = mainProcess([{ ok: false, error: { kind: 'external', message: 'unreachable', details: { code: 'server-unreachable' } } }]);
    const tokens = new AccessTokens(
      main.api,
      { accessToken: null, accessTokenExpiresAt: null },
      (code) => ended.push(code),
      () => NOW,
    );
    const failure = await tokens.getAccessToken().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SyncRequestError);
    expect((failure as SyncRequestError).transient).toBe(true);
    expect(tokens.reachable$.value).toBe(false);
    expect(ended).toEqual([]);
    expect(main.calls).toEqual([{}]);
  });

  it('reports the end of the session and gives no token', async () => {
    const ended: string[] = [];
    const main = mainProcess([{ ok: false, error: { kind: 'forbidden', message: 'revoked', details: { code: 'device-revoked' } } }]);
    const tokens = new AccessTokens(
      main.api,
      { accessToken: 'A', accessTokenExpiresAt: at(600_000) },
      (code) => ended.push(code),
      () => NOW,
    );
    expect(await tokens.refresh()).toBeNull();
    expect(ended).toEqual(['device-revoked']);
  });
});
