import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from './settings.contract';
import { channels, type Handlers } from './channels';
import { MAX_PAYLOAD_BYTES } from './contract';
import { dispatch } from './dispatch';

/** The handlers these tests call; dispatch only ever runs the one for the called channel. */
type TestHandlers = Pick<Handlers, 'appInfo' | 'settingsGet' | 'settingsUpdate' | 'localDbKey' | 'log'>;

function handlers(overrides: Partial<TestHandlers> = {}): Handlers {
  let settings: Settings = { ...defaultSettings };
  const used: TestHandlers = {
    appInfo: async () => ({ name: 'Saksflyt', version: '0.1.0', shell: 'browser', platform: 'linux', dataDir: '/tmp/x' }),
    settingsGet: async () => settings,
    settingsUpdate: async (patch) => (settings = { ...settings, ...patch }),
    localDbKey: async () => ({ key: 'k'.repeat(64) }),
    log: async () => ({ written: true }),
    ...overrides,
  };
  return used as Handlers;
}

describe('dispatch', () => {
  it('runs the handler with parsed input and returns the parsed output', async () => {
    const result = await dispatch(handlers(), channels.settingsUpdate.channel, { language: 'en' });
    expect(result).toEqual({ ok: true, value: { ...defaultSettings, language: 'en' } });
  });

  it('rejects an unknown channel with a validation error', async () => {
    const result = await dispatch(handlers(), 'fs:read', {});
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation', message: 'Unknown channel: fs:read' } });
  });

  it('rejects wrong types with the failing path in the message', async () => {
    const result = await dispatch(handlers(), channels.settingsUpdate.channel, { syncIntervalMinutes: 'often' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('validation');
      expect(result.error.message).toContain('syncIntervalMinutes');
    }
  });

  it('rejects unknown keys instead of silently storing them', async () => {
    const result = await dispatch(handlers(), channels.settingsUpdate.channel, { theme: 'dark' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('rejects an oversized payload before parsing it', async () => {
    const result = await dispatch(handlers(), channels.log.channel, { level: 'info', message: 'x'.repeat(MAX_PAYLOAD_BYTES) });
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } });
    if (!result.ok) expect(result.error.message).toMatch(/exceeds/);
  });

  it('rejects input JSON cannot hold as a validation error', async () => {
    const cyclic: Record<string, unknown> = { level: 'info' };
    cyclic.self = cyclic;
    const result = await dispatch(handlers(), channels.log.channel, cyclic);
    expect(result).toEqual({ ok: false, error: { kind: 'validation', message: 'Input is not JSON data' } });
  });

  it('turns a handler crash into an internal error envelope', async () => {
    const result = await dispatch(
      handlers({
        appInfo: async () => {
          throw new Error('disk gone');
        },
      }),
      channels.appInfo.channel,
      undefined,
    );
    expect(result).toEqual({ ok: false, error: { kind: 'internal', message: 'disk gone' } });
  });

  it('refuses a handler output that breaks the contract', async () => {
    const broken = handlers({ localDbKey: async () => ({ key: 'short' }) });
    const result = await dispatch(broken, channels.localDbKey.channel, undefined);
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
  });
});
