import { describe, expect, it } from 'vitest';
import { channels } from '../../src-shared/ipc/channels';
import { createPreloadApi } from './preload-api';

describe('preload API', () => {
  it('has one method per contract channel and nothing else (no generic invoke)', () => {
    const api = createPreloadApi(async () => ({ ok: true, value: null }));
    expect(Object.keys(api).sort()).toEqual(Object.keys(channels).sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends each method on its own channel with at most one argument', async () => {
    const calls: unknown[][] = [];
    const api = createPreloadApi(async (...args) => {
      calls.push(args);
      return { ok: true, value: 'answer' };
    });
    expect(await api.settingsGet()).toEqual({ ok: true, value: 'answer' });
    await api.settingsUpdate({ language: 'en' });
    await (api.log as (...args: unknown[]) => Promise<unknown>)({ level: 'info', message: 'x' }, 'smuggled');
    expect(calls).toEqual([['settings:get'], ['settings:update', { language: 'en' }], ['log:write', { level: 'info', message: 'x' }]]);
  });

  it('turns a failed invoke into an internal envelope instead of a rejection', async () => {
    const api = createPreloadApi(async () => {
      throw new Error("No handler registered for 'app:info'");
    });
    expect(await api.appInfo()).toMatchObject({ ok: false, error: { kind: 'internal', message: expect.stringContaining('app:info') } });
  });
});
