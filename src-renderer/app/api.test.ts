import { describe, expect, it } from 'vitest';
import type { MethodName, SaksflytApi } from '../../src-shared/ipc/channels';
import { defaultSettings } from '../../src-shared/ipc/settings.contract';
import { bridgeTransport, createApi, type Transport } from './api';

function recordingTransport(reply: (method: MethodName, input: unknown) => unknown) {
  const calls: [MethodName, unknown][] = [];
  const transport: Transport = async (method, input) => {
    calls.push([method, input]);
    return reply(method, input);
  };
  return { calls, transport };
}

describe('the typed API client', () => {
  it('returns the parsed value of a valid reply', async () => {
    const { calls, transport } = recordingTransport(() => ({ ok: true, value: defaultSettings }));
    const result = await createApi(transport).settingsUpdate({ language: 'en' });
    expect(result).toEqual({ ok: true, value: defaultSettings });
    expect(calls).toEqual([['settingsUpdate', { language: 'en' }]]);
  });

  it('checks input before sending: invalid input never leaves the renderer', async () => {
    const { calls, transport } = recordingTransport(() => ({ ok: true, value: defaultSettings }));
    const result = await createApi(transport).settingsUpdate({ syncIntervalMinutes: 0 });
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(calls).toEqual([]);
  });

  it('turns a reply that breaks the contract into an internal error', async () => {
    const { transport } = recordingTransport(() => ({ ok: true, value: { ...defaultSettings, language: 'de' } }));
    const result = await createApi(transport).settingsGet();
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(result.ok || result.error.message).toContain('settings:get');
  });

  it('passes error envelopes through unchanged', async () => {
    const error = { kind: 'forbidden', message: 'nei' };
    const { transport } = recordingTransport(() => ({ ok: false, error }));
    expect(await createApi(transport).appInfo()).toEqual({ ok: false, error });
  });

  it('reports a failed transport as an external error', async () => {
    const transport: Transport = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await createApi(transport).localDbKey()).toMatchObject({
      ok: false,
      error: { kind: 'external', message: expect.stringContaining('Failed to fetch') },
    });
  });

  it('calls the preload bridge with no argument for channels without input', async () => {
    const args: unknown[][] = [];
    const bridge = {
      appInfo: (...received: unknown[]) => {
        args.push(received);
        return Promise.resolve({ ok: true, value: { name: 'Saksflyt', version: '1', shell: 'electron', platform: 'linux', dataDir: '/d' } });
      },
    } as unknown as SaksflytApi;
    const result = await createApi(bridgeTransport(bridge)).appInfo();
    expect(result.ok).toBe(true);
    expect(args).toEqual([[]]);
  });
});
