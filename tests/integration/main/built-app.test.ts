import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialJs } from '../../../bench/support/initial-js';
import { channels } from '../../../src-shared/ipc/channels';

/** Checks of the built output (out/): built here when missing, so a missing build fails, never passes. */
const repoRoot = resolve(import.meta.dirname, '../../..');

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((done, failed) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : failed(new Error('no port'))));
    });
  });
}
const outputs = ['out/main/main.js', 'out/preload/preload.cjs', 'out/renderer/index.html', 'out/renderer/.vite/manifest.json'].map((path) =>
  join(repoRoot, path),
);
const SANDBOX_MODULES = ['electron', 'events', 'timers', 'url'];

beforeAll(() => {
  if (outputs.every((path) => existsSync(path))) return;
  const bin = join(repoRoot, 'node_modules/electron-vite/bin/electron-vite.js');
  const build = spawnSync(process.execPath, [bin, 'build'], { cwd: repoRoot, encoding: 'utf8', timeout: 280_000 });
  if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stdout}\n${build.stderr}`);
}, 300_000);

/** The directives of a CSP text: name → sources. */
function cspDirectives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('built renderer (out/renderer/index.html)', () => {
  const html = () => readFileSync(join(repoRoot, 'out/renderer/index.html'), 'utf8');

  it('keeps its meta CSP: scripts only from the app, no inline code, no eval', () => {
    const metas = [...html().matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)].map((match) => match[1]!);
    expect(metas).toHaveLength(1);
    const policy = cspDirectives(metas[0]!);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect([...policy.values()].flat().filter((source) => /unsafe/.test(source))).toEqual([]);
  });

  it('has no inline scripts or event handlers the CSP would have to allow', () => {
    const scripts = [...html().matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\.\/assets\/[^"]+\.js"/);
      expect(body!.trim()).toBe('');
    }
    expect(html()).not.toMatch(/\son[a-z]+\s*=/i);
  });
});

describe('built renderer chunks (route splitting)', () => {
  const rendererDir = join(repoRoot, 'out/renderer');
  /** The README's goal for ui.initial-js.kb. */
  const INITIAL_JS_LIMIT = 500_000;

  it('counts exactly what index.html loads: the entry script and its modulepreloads', () => {
    const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script type="module"[^>]*\ssrc="\.\/([^"]+)"/g)].map((match) => match[1]);
    const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*\shref="\.\/([^"]+)"/g)].map((match) => match[1]);
    const { files } = initialJs(rendererDir);
    expect(scripts).toEqual(files.slice(0, 1));
    expect(preloads.sort()).toEqual(files.slice(1).sort());
  });

  it('keeps the pages out of the entry: many lazy chunks, initial JavaScript under the goal', () => {
    const chunks = readdirSync(join(rendererDir, 'assets')).filter((file) => file.endsWith('.js'));
    const { files, bytes } = initialJs(rendererDir);
    // One chunk per lazily loaded page at least (a regression to one big chunk leaves none).
    expect(chunks.length - files.length).toBeGreaterThan(20);
    expect(bytes).toBeLessThan(INITIAL_JS_LIMIT);
  });
});

describe('built preload (out/preload/preload.cjs)', () => {
  it('requires only the modules a sandboxed preload may load', () => {
    const code = readFileSync(join(repoRoot, 'out/preload/preload.cjs'), 'utf8');
    const required = new Set([...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]));
    expect(required.has('electron')).toBe(true);
    expect([...required].filter((name) => !SANDBOX_MODULES.includes(name ?? ''))).toEqual([]);
    expect(code).not.toMatch(/\brequire\(\s*[^"'`\s)]/);
  });

  it('runs with only those modules and exposes one method per channel as window.saksflyt', async () => {
    const code = readFileSync(join(repoRoot, 'out/preload/preload.cjs'), 'utf8');
    const nodeRequire = createRequire(import.meta.url);
    const calls: unknown[][] = [];
    const exposed = new Map<string, Record<string, (...args: unknown[]) => Promise<unknown>>>();
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, never>) => exposed.set(key, api) },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => {
          calls.push(args);
          return { ok: true, value: null };
        },
      },
    };
    const sandboxRequire = (name: string): unknown => {
      if (name === 'electron') return fakeElectron;
      if (SANDBOX_MODULES.includes(name)) return nodeRequire(name);
      throw new Error(`a sandboxed preload cannot require ${name}`);
    };
    const module = { exports: {} };
    runInNewContext(code, { require: sandboxRequire, module, exports: module.exports }, { filename: 'preload.cjs' });

    expect([...exposed.keys()]).toEqual(['saksflyt']);
    const api = exposed.get('saksflyt') ?? {};
    expect(Object.keys(api).sort()).toEqual(Object.keys(channels).sort());
    await api.settingsUpdate?.({ language: 'en' });
    await api.appInfo?.();
    expect(calls).toEqual([['settings:update', { language: 'en' }], ['app:info']]);
  });
});

describe('npm start (scripts/start.mjs)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'saksflyt-start-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('says in one line that Electron is missing, serves browser mode, and stops cleanly on SIGINT', async () => {
    const child = spawn(process.execPath, ['scripts/start.mjs', '--no-build'], {
      cwd: repoRoot,
      // An override path with no binary: the same "no Electron here" on every machine.
      // The central server gets its own folder and port too, so a server already running here does not matter.
      env: {
        ...process.env,
        PORT: '0',
        DATA_DIR: dataDir,
        SERVER_DATA_DIR: join(dataDir, 'server'),
        SERVER_PORT: String(await freePort()),
        ELECTRON_OVERRIDE_DIST_PATH: join(dataDir, 'no-electron'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));

    const url = await new Promise<string>((done, failed) => {
      const timer = setInterval(() => {
        const found = /^Saksflyt \(browser mode\): (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(output);
        if (found?.[1]) {
          clearInterval(timer);
          done(found[1]);
        }
      }, 50);
      void exited.then(() => {
        clearInterval(timer);
        failed(new Error(`start.mjs exited early:\n${output}`));
      });
    });
    const notices = output.split('\n').filter((line) => line.includes('Electron binary not available here'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^Electron binary not available here \(.+\); continuing in browser mode\.$/);

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  });
});
