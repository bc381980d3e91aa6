// `npm start`: build, then run the desktop app; where no Electron binary can be had, say so in one
// line and run browser mode instead. `npm run start:browser` (--browser) goes straight to browser mode.
//   --browser    browser mode only
//   --no-build   use the existing out/ (skip `electron-vite build`)
//   PORT         browser mode port (default 4317), DATA_DIR its data folder (default ./.data/browser)
// Ctrl-C (or SIGTERM) stops every child process and exits cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(join(root, 'package.json'));
const flags = new Set(process.argv.slice(2));
/** A first `require('electron')` downloads about 100 MB where a network allows it. */
const ELECTRON_PROBE_TIMEOUT_MS = 5 * 60_000;

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
let stopping = false;

function startChild(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    // One part ending (the app window closed, the host failed) ends the whole session.
    if (!stopping) stop(code ?? (signal ? 1 : 0));
  });
  return child;
}

function stop(exitCode) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  const exitWhenDone = () => (children.size === 0 ? process.exit(exitCode) : setTimeout(exitWhenDone, 50));
  exitWhenDone();
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

function build() {
  const pkgPath = require.resolve('electron-vite/package.json');
  const bin = JSON.parse(readFileSync(pkgPath, 'utf8')).bin['electron-vite'];
  const result = spawnSync(process.execPath, [join(dirname(pkgPath), bin), 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('Build failed (electron-vite build); not starting.');
    process.exit(result.status ?? 1);
  }
}

/**
 * The Electron binary's path, or why there is none. `require('electron')` downloads the binary on
 * first use (npm scripts are off here), so it runs in a child with a time limit.
 */
function findElectron() {
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const p = require('electron');
       if (!require('fs').existsSync(p)) throw new Error('no binary at ' + p);
       process.stdout.write('\\nELECTRON_PATH=' + p);`,
    ],
    { cwd: root, encoding: 'utf8', timeout: ELECTRON_PROBE_TIMEOUT_MS },
  );
  const found = /ELECTRON_PATH=(.+)$/.exec(probe.stdout ?? '');
  if (probe.status === 0 && found) return { path: found[1] };
  if (probe.error) return { reason: `looking for it failed: ${probe.error.message}` };
  const cause = /^\w*Error: (.+)$/m.exec(probe.stderr ?? '')?.[1] ?? 'require("electron") failed';
  return { reason: /Downloading Electron/.test(probe.stdout ?? '') ? `download failed: ${cause}` : cause };
}

/**
 * CENTRAL SERVER: the place where `npm start` also starts the embedded central server (src-server)
 * with demo data, once it exists. Return its child process (via startChild) so Ctrl-C stops it too.
 */
function startCentralServer() {
  return null;
}

function startBrowserMode() {
  startChild(process.execPath, ['--import', 'tsx', 'src-main/host/main.ts']);
}

function startElectron(electronPath) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  startChild(electronPath, ['.'], env);
}

if (!flags.has('--no-build')) build();
startCentralServer();
if (flags.has('--browser')) {
  startBrowserMode();
} else {
  const electron = findElectron();
  if (electron.path) {
    startElectron(electron.path);
  } else {
    console.log(`Electron binary not available here (${electron.reason}); continuing in browser mode.`);
    startBrowserMode();
  }
}
