// `npm start`: build, start the embedded central server (src-server on PGlite in .data/server, port
// 4318, demo accounts and demo cases added when its database is empty), then run the desktop app
// connected to it; where no Electron binary can be had, say so in one line and run browser mode
// instead. `npm run start:browser` (--browser) goes straight to browser mode.
//   --browser      browser mode only
//   --no-build     use the existing out/ (skip `electron-vite build`, the portal's `vite build` and the
//                  server bundle; the server is still built when out/server/main.mjs is missing)
//   --no-server    do not start the central server (use the one in the app's settings)
//   PORT           browser mode port (default 4317), DATA_DIR its data folder (default ./.data/browser)
//   SERVER_PORT    central server port (default 4318), SERVER_DATA_DIR its PGlite folder (default .data/server)
//   RESULT_SOURCES_PORT  the stand-in FS institutions the server's result fetches ask (default 4319)
//   MAIL_PORT      the mail catcher the server sends its e-mail to (default 4320; messages in MAIL_DIR,
//                  default .data/mail, and one line each in the terminal); SMTP_URL set: your mail server instead
// Ctrl-C (or SIGTERM) stops every child process and exits cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from './build-server.mjs';
import { SERVER_BUNDLE, SERVER_NODE_OPTIONS } from './server-command.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(join(root, 'package.json'));
const flags = new Set(process.argv.slice(2));
/** A first `require('electron')` downloads about 100 MB where a network allows it. */
const ELECTRON_PROBE_TIMEOUT_MS = 5 * 60_000;

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
let stopping = false;

function startChild(command, args, env = process.env, stdio = 'inherit') {
  const child = spawn(command, args, { cwd: root, stdio, env });
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

/** As `npm run build`: the app (electron-vite), the external portal the server serves at /portal/, the server. */
async function build() {
  runBin('electron-vite', ['build']);
  runBin('vite', ['build', '--config', 'portal.vite.config.ts', '--logLevel', 'warn']);
  await buildServerOrExit();
}

async function buildServerOrExit() {
  await buildServer().catch(() => {
    console.error('Build failed (the server bundle); not starting.');
    process.exit(1);
  });
}

function runBin(name, args) {
  const pkgPath = require.resolve(`${name}/package.json`);
  const { bin } = JSON.parse(readFileSync(pkgPath, 'utf8'));
  const result = spawnSync(process.execPath, [join(dirname(pkgPath), typeof bin === 'string' ? bin : bin[name]), ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`Build failed (${name} ${args.join(' ')}); not starting.`);
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

const SERVER_PORT = Number(process.env.SERVER_PORT || 4318);
const SERVER_DATA_DIR = process.env.SERVER_DATA_DIR || '.data/server';
const SERVER_URL = `http://127.0.0.1:${SERVER_PORT}`;
/** The FS institutions' stand-in the server's result fetches ask (scripts/result-sources.ts). */
const RESULT_SOURCES_PORT = Number(process.env.RESULT_SOURCES_PORT || 4319);
/** The mail catcher the server sends to (scripts/mail-catcher.ts), unless SMTP_URL names a mail server. */
const MAIL_PORT = Number(process.env.MAIL_PORT || 4320);
const catchMail = !process.env.SMTP_URL;
const DEMO_CASES = 300;
/** The accounts `npm run admin -- demo-data` adds (dev/server/demo-data.command.ts): username = user id. */
const DEMO_LOGIN = { username: 'u-kullkoord-helse', password: 'saksflyt-demo' };
const SERVER_START_TIMEOUT_MS = 120_000;

/** The server's own environment: always the embedded PGlite database here, never a DATABASE_URL meant for tests. */
function serverEnv() {
  const env = {
    ...process.env,
    PORT: String(SERVER_PORT),
    HOST: '127.0.0.1',
    DATA_DIR: SERVER_DATA_DIR,
    RESULT_SOURCES_URL: `http://127.0.0.1:${RESULT_SOURCES_PORT}`,
    ...(catchMail ? { SMTP_URL: `smtp://127.0.0.1:${MAIL_PORT}` } : {}),
  };
  delete env.DATABASE_URL;
  delete env.DATABASE_SCHEMA;
  return env;
}

function admin(args, options = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], { cwd: root, env: serverEnv(), encoding: 'utf8', ...options });
}

/** An empty server database gets the shared demo data set and the demo accounts (through `npm run admin`). */
function addDemoDataIfEmpty() {
  const users = admin(['user', 'list']);
  if (users.status !== 0) {
    console.error(`The central server's database (${SERVER_DATA_DIR}) could not be read:\n${users.stderr || users.stdout}`);
    process.exit(1);
  }
  if (!/^No users\./m.test(users.stdout)) return;
  console.log(`Central server database is empty: adding demo accounts and ${DEMO_CASES} demo cases …`);
  const seeded = admin(['demo-data', '--cases', String(DEMO_CASES)], { stdio: 'inherit' });
  if (seeded.status !== 0) {
    console.error('Adding the demo data failed; not starting.');
    process.exit(1);
  }
}

/**
 * CENTRAL SERVER: the embedded server with demo data, stopped with everything else on Ctrl-C.
 * Resolves once it listens. Its request log stays out of the terminal; warnings and errors show.
 */
function startCentralServer() {
  if (flags.has('--no-server')) return Promise.resolve();
  addDemoDataIfEmpty();
  startChild(process.execPath, ['--import', 'tsx', 'scripts/result-sources.ts'], { ...process.env, RESULT_SOURCES_PORT: String(RESULT_SOURCES_PORT) }, [
    'ignore',
    'ignore',
    'inherit',
  ]);
  if (catchMail) startChild(process.execPath, ['--import', 'tsx', 'scripts/mail-catcher.ts'], { ...process.env, MAIL_PORT: String(MAIL_PORT) });
  const child = startChild(process.execPath, [...SERVER_NODE_OPTIONS, SERVER_BUNDLE], serverEnv(), ['ignore', 'pipe', 'inherit']);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      console.error(`The central server did not start within ${SERVER_START_TIMEOUT_MS / 1000} s.`);
      stop(1);
    }, SERVER_START_TIMEOUT_MS);
    let buffered = '';
    child.stdout.on('data', (chunk) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('Saksflyt server listening')) {
          clearTimeout(timer);
          resolve();
        } else if (isWorthShowing(line)) {
          console.log(`[server] ${line}`);
        }
      }
    });
  });
}

/** Server log lines (pino JSON) at warning level or above, and anything that is not JSON. */
function isWorthShowing(line) {
  if (!line.trim()) return false;
  try {
    return (JSON.parse(line).level ?? 0) >= 40;
  } catch {
    return true;
  }
}

function printWhereToGo(app) {
  const lines = [
    '',
    `  Central server  ${flags.has('--no-server') ? '(not started: --no-server)' : `${SERVER_URL}  (API docs: ${SERVER_URL}/docs)`}`,
    `  App             ${app}`,
    ...(flags.has('--no-server') ? [] : [`  Partner portal  ${SERVER_URL}/portal/  (a nominator: u-nominator-lindenhof / ${DEMO_LOGIN.password})`]),
    ...(flags.has('--no-server') || !catchMail
      ? []
      : [`  E-mail          caught on port ${MAIL_PORT}: one line each below, the messages in ${process.env.MAIL_DIR || '.data/mail'}`]),
    `  Demo login      ${DEMO_LOGIN.username} / ${DEMO_LOGIN.password}  (every demo account: username = user id)`,
    '',
  ];
  console.log(lines.join('\n'));
}

/** The app's environment: it talks to the server started here unless the user saved another. */
function appEnv() {
  return flags.has('--no-server') ? { ...process.env } : { ...process.env, SAKSFLYT_SERVER_URL: SERVER_URL };
}

function startBrowserMode() {
  const port = Number(process.env.PORT || 4317);
  startChild(process.execPath, ['--import', 'tsx', 'src-main/host/main.ts'], appEnv());
  printWhereToGo(port === 0 ? 'the browser mode address printed below' : `http://127.0.0.1:${port}/  (browser mode)`);
}

function startElectron(electronPath) {
  const env = appEnv();
  delete env.ELECTRON_RUN_AS_NODE;
  startChild(electronPath, ['.'], env);
  printWhereToGo('the Saksflyt window (Electron)');
}

if (!flags.has('--no-build')) await build();
else if (!flags.has('--no-server') && !existsSync(SERVER_BUNDLE)) await buildServerOrExit();
await startCentralServer();
if (stopping) {
  // Ctrl-C while the server was starting.
} else if (flags.has('--browser')) {
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
