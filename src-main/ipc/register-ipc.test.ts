import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../src-shared/ipc/channels';
import type { Result } from '../../src-shared/kernel/result';
import { composeServices, secretsFilePath, type ComposedServices } from '../services/compose-services';
import { createPlainFileSecureStore } from '../services/secure-store/plain-file-secure-store';
import { createAppPageMatcher } from '../windows/app-origin';
import { oversizedInput, wrongFields, wrongInputs } from './bad-inputs.fixture';
import { registerIpc, serveIpcCall, type IpcInvokeEventLike, type IpcMainLike } from './register-ipc';

type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>;

/** A stand-in for ipcMain: handle/removeHandler as documented, plus a way to invoke. */
class FakeIpcMain implements IpcMainLike {
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.listeners.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.listeners.delete(channel);
  }
  async invoke(channel: string, event: IpcInvokeEventLike, ...args: unknown[]): Promise<Result<unknown>> {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return (await listener(event, ...args)) as Result<unknown>;
  }
}

const indexHtmlPath = '/opt/Saksflyt/resources/app.asar/out/renderer/index.html';
const appFrame = (url = `file://${indexHtmlPath}#/cases`): IpcInvokeEventLike => ({ senderFrame: { url, parent: null } });

let dataDir: string;
let services: ComposedServices;
let ipcMain: FakeIpcMain;
let options: Parameters<typeof serveIpcCall>[0];
let unregister: () => void;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'saksflyt-ipc-'));
  services = await composeServices({
    appInfo: { name: 'Saksflyt', version: '0.1.0', shell: 'electron', platform: 'linux', dataDir },
    secureStore: createPlainFileSecureStore(secretsFilePath(dataDir)),
    logSource: 'main',
    resourcesDir: join(import.meta.dirname, '..', '..', 'resources'),
    schemasDir: join(import.meta.dirname, '..', '..', 'vendor', 'schemas'),
  });
  const { handlers } = services;
  ipcMain = new FakeIpcMain();
  options = { handlers, isAppPage: createAppPageMatcher({ kind: 'file', indexHtmlPath }) };
  unregister = registerIpc({ ipcMain, ...options });
});
afterAll(async () => {
  await services.close();
  await rm(dataDir, { recursive: true, force: true });
});

function expectValidation(result: Result<unknown>): void {
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error.kind).toBe('validation');
}

describe('registerIpc', () => {
  it('registers exactly the contract channels', () => {
    expect([...ipcMain.listeners.keys()].sort()).toEqual(
      Object.values(channels)
        .map((c) => c.channel)
        .sort(),
    );
  });

  it('serves the app page through the real handlers', async () => {
    expect(await ipcMain.invoke('app:info', appFrame())).toEqual({
      ok: true,
      value: { name: 'Saksflyt', version: '0.1.0', shell: 'electron', platform: 'linux', dataDir },
    });
    expect(await ipcMain.invoke('settings:update', appFrame(), { language: 'en' })).toMatchObject({
      ok: true,
      value: { language: 'en' },
    });
    expect(JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({ language: 'en' });
    // Nobody is signed in: the replica's key is refused; the demo database has a key of its own.
    expect(await ipcMain.invoke('secure-store:local-db-key', appFrame())).toMatchObject({ ok: false, error: { details: { code: 'signed-out' } } });
    const key = await ipcMain.invoke('secure-store:demo-db-key', appFrame());
    expect(key.ok && (key.value as { key: string }).key.length).toBeGreaterThanOrEqual(43);
    expect(await ipcMain.invoke('log:write', appFrame(), { level: 'info', message: 'hei' })).toEqual({
      ok: true,
      value: { written: true },
    });
  });

  describe.each(Object.values(channels).map((c) => c.channel))('channel %s', (channel) => {
    it.each(wrongInputs)('answers %s with a validation envelope', async (_label, input) => {
      expectValidation(await ipcMain.invoke(channel, appFrame(), input));
    });

    it('answers wrongly typed fields with a validation envelope', async () => {
      for (const input of wrongFields[channel] ?? []) expectValidation(await ipcMain.invoke(channel, appFrame(), input));
    });

    it('answers an oversized payload with a validation envelope', async () => {
      const result = await ipcMain.invoke(channel, appFrame(), oversizedInput);
      expectValidation(result);
      expect(!result.ok && result.error.message).toMatch(/exceeds/);
    });

    it('answers input JSON cannot hold (cycles, BigInt) with a validation envelope', async () => {
      const cyclic: Record<string, unknown> = { level: 'info', message: 'x' };
      cyclic.self = cyclic;
      expectValidation(await ipcMain.invoke(channel, appFrame(), cyclic));
      expectValidation(await ipcMain.invoke(channel, appFrame(), { level: 'info', message: 'x', context: { n: 10n } }));
    });

    it('answers extra arguments with a validation envelope', async () => {
      expectValidation(await ipcMain.invoke(channel, appFrame(), undefined, 'second'));
    });

    it.each([
      ['another file page', { senderFrame: { url: 'file:///tmp/evil.html', parent: null } }],
      ['a web page', { senderFrame: { url: 'https://attacker.example/', parent: null } }],
      ['a subframe of the app page', { senderFrame: { url: `file://${indexHtmlPath}`, parent: {} } }],
      ['a destroyed frame', { senderFrame: null }],
    ])('refuses a call from %s with a forbidden envelope', async (_label, event: IpcInvokeEventLike) => {
      const result = await ipcMain.invoke(channel, event, { level: 'info', message: 'x' });
      expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    });
  });

  it('answers an unknown channel with a validation envelope', async () => {
    expectValidation(await serveIpcCall(options, 'shell:exec', appFrame(), ['rm -rf /']));
  });

  it('unregisters every channel', () => {
    unregister();
    expect(ipcMain.listeners.size).toBe(0);
  });
});
