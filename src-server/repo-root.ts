import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The first folder at or above `from` holding a package.json. Files the server reads from the
 * repository (vendored schemas, the built portal) are found from here, so they resolve the same
 * whether the server runs from src-server/ (tsx) or from its bundle in out/server/.
 */
export function findRepoRoot(from: string): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) throw new Error(`No package.json in ${from} or any folder above it`);
  }
}

export const REPO_ROOT = findRepoRoot(import.meta.dirname);
