import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = resolve(import.meta.dirname, '..', '..', '..', 'scripts', 'check-tools.mjs');
const dirs: string[] = [];

/** A PATH of one folder holding stand-in executables (never run, only found) for these commands. */
function pathWith(commands: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'saksflyt-path-'));
  dirs.push(dir);
  for (const command of commands) {
    writeFileSync(join(dir, command), '#!/bin/sh\n');
    chmodSync(join(dir, command), 0o755);
  }
  return dir;
}

function checkTools(path: string) {
  return spawnSync(process.execPath, [script], { env: { PATH: path }, encoding: 'utf8' });
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('scripts/check-tools.mjs (the first step of npm test)', () => {
  it('names every missing package and the install command in one line, and fails', () => {
    const result = checkTools(pathWith([]));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'Missing tools: chromium, poppler-utils, libxml2-utils, qpdf. Install them with: apt-get install -y chromium poppler-utils libxml2-utils qpdf\n',
    );
  });

  it('names only the packages that are missing, and a package as missing while any of its tools is', () => {
    const result = checkTools(pathWith(['chromium', 'xmllint', 'qpdf', 'pdfsig']));
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('Missing tools: poppler-utils. Install them with: apt-get install -y poppler-utils\n');
  });

  it('passes silently when every tool is on the PATH', () => {
    const result = checkTools(pathWith(['chromium', 'pdfsig', 'pdftotext', 'pdfinfo', 'pdffonts', 'pdfimages', 'xmllint', 'qpdf']));
    expect(result).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });

  it('does not count a file that is not executable', () => {
    const dir = pathWith(['chromium', 'pdfsig', 'pdftotext', 'pdfinfo', 'pdffonts', 'pdfimages', 'xmllint']);
    writeFileSync(join(dir, 'qpdf'), '');
    expect(checkTools(dir).stderr).toBe('Missing tools: qpdf. Install them with: apt-get install -y qpdf\n');
  });
});
