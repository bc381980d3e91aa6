import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVER_BUNDLE, SERVER_NODE_OPTIONS } from '../../../scripts/server-command.mjs';
import { ServerProcess } from '../sync/support/server-process';

const repo = join(import.meta.dirname, '..', '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'saksflyt-server-command-'));
const server = new ServerProcess({ DATA_DIR: dataDir, DATABASE_URL: '' });
afterAll(async () => {
  await server.kill();
  rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
});

describe("the server process's command", () => {
  it('is the same for npm run server (package.json) as for npm start, the tests and the benchmarks', () => {
    const scripts = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.server).toBe(`npm run build:server && node ${SERVER_NODE_OPTIONS.join(' ')} out/server/main.mjs`);
    expect(join(repo, 'out', 'server', 'main.mjs')).toBe(SERVER_BUNDLE);
  });

  it("starts the bundle with Node's options for the server", async () => {
    await server.start();
    const argv = readFileSync(`/proc/${server.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    expect(argv.slice(1)).toEqual([...SERVER_NODE_OPTIONS, SERVER_BUNDLE]);
  }, 60_000);
});
