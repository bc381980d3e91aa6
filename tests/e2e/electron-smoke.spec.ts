import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { channels } from '../../src-shared/ipc/channels';

const repoRoot = resolve(import.meta.dirname, '../..');
const mainJs = join(repoRoot, 'out/main/main.js');

/**
 * Finds the Electron binary the way node_modules/electron does, but without its download-on-require
 * (which hangs or fails where the network is closed).
 */
function locateElectron(): { path: string } | { reason: string } {
  const packageDir = join(repoRoot, 'node_modules/electron');
  const pathFile = join(packageDir, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!existsSync(pathFile) && !override) {
    return { reason: 'no Electron binary was downloaded (node_modules/electron/path.txt is missing)' };
  }
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const binary = override ? join(override, executable) : join(packageDir, 'dist', executable);
  return existsSync(binary) ? { path: binary } : { reason: `the Electron binary ${binary} does not exist` };
}

type Api = Record<string, (input?: unknown) => Promise<unknown>>;

test.describe('Electron app (smoke)', () => {
  const found = locateElectron();
  test.skip('reason' in found, `Electron binary not available here: ${'reason' in found ? found.reason : ''}`);

  test('starts hardened, exposes the typed API and answers over IPC', async () => {
    if (!('path' in found)) return;
    expect(existsSync(mainJs), 'run `npm run build` first (npm run test:e2e does)').toBe(true);
    const dataDir = await mkdtemp(join(tmpdir(), 'saksflyt-electron-'));
    const app = await electron.launch({
      executablePath: found.path,
      args: [mainJs],
      env: { ...process.env, SAKSFLYT_DATA_DIR: dataDir },
    });
    try {
      const window = await app.firstWindow();
      await expect(window).toHaveTitle(/Saksflyt/);

      const methods = await window.evaluate(() => Object.keys((globalThis as unknown as { saksflyt: Api }).saksflyt));
      expect(methods.sort()).toEqual(Object.keys(channels).sort());
      expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');

      const info = await window.evaluate(() => (globalThis as unknown as { saksflyt: Api }).saksflyt.appInfo?.());
      expect(info).toMatchObject({ ok: true, value: { name: 'Saksflyt', shell: 'electron', dataDir } });
      const bad = await window.evaluate(() => (globalThis as unknown as { saksflyt: Api }).saksflyt.settingsUpdate?.({ syncIntervalMinutes: 'often' }));
      expect(bad).toMatchObject({ ok: false, error: { kind: 'validation' } });

      const navigation = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.getURL());
      expect(navigation).toMatch(/^file:.*\/out\/renderer\/index\.html/);

      await window.evaluate(() => {
        (globalThis as unknown as { open: (url: string) => unknown }).open('https://attacker.example/');
      });
      expect(app.windows()).toHaveLength(1);
      await window.evaluate(() => {
        (globalThis as unknown as { location: { href: string } }).location.href = 'https://attacker.example/';
      });
      await window.waitForTimeout(500);
      expect(window.url()).toMatch(/^file:/);
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
