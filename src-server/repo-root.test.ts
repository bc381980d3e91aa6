import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepoRoot, REPO_ROOT } from './repo-root';

describe('findRepoRoot', () => {
  it('finds the repository from the server sources', () => {
    expect(REPO_ROOT).toBe(resolve(import.meta.dirname, '..'));
  });

  it('stops at the nearest folder holding a package.json', () => {
    const root = mkdtempSync(join(tmpdir(), 'repo-root-'));
    const nested = join(root, 'out', 'server');
    mkdirSync(nested, { recursive: true });
    try {
      writeFileSync(join(root, 'package.json'), '{}');
      expect(findRepoRoot(nested)).toBe(root);
      expect(findRepoRoot(root)).toBe(root);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
