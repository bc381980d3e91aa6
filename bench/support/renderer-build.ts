import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../..');
export const rendererDir = join(repoRoot, 'out/renderer');

/** What the renderer bundle is built from: a change here makes out/renderer stale. */
const sources = ['src-renderer', 'src-shared', 'dev', 'electron.vite.config.ts', 'package-lock.json'].map((path) => join(repoRoot, path));

/** The newest modification time under `path` (a file or a folder, walked recursively). */
function newestChange(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stats.mtimeMs);
}

/** The built renderer the browser host serves; (re)built when it is missing or older than its sources. */
export function ensureRendererBuild(): string {
  const manifest = join(rendererDir, '.vite', 'manifest.json');
  const fresh = existsSync(manifest) && statSync(manifest).mtimeMs >= Math.max(...sources.filter(existsSync).map(newestChange));
  if (!fresh) execFileSync('npx', ['electron-vite', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  return rendererDir;
}
