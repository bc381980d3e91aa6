import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function contentTypeFor(filePath: string): string {
  return contentTypes[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root + sep);
}

export type StaticLookup = { kind: 'file'; path: string } | { kind: 'missing' } | { kind: 'refused' };

/**
 * Maps a raw request path to a file inside `root` (already a real path).
 * Refused: undecodable paths, NUL bytes, dot-segments or dotfiles, and anything that lands outside
 * `root` after decoding or after following symlinks. A missing extensionless path is a client-side
 * route and gets the app's index.html.
 */
export async function lookupStaticFile(root: string, rawPath: string): Promise<StaticLookup> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'refused' };
  }
  if (decoded.includes('\0')) return { kind: 'refused' };
  const segments = decoded.split(/[/\\]+/).filter(Boolean);
  if (segments.some((segment) => segment.startsWith('.'))) return { kind: 'refused' };
  const found = await fileInside(root, resolve(root, ...(segments.length ? segments : ['index.html'])));
  if (found.kind !== 'missing' || extname(decoded) !== '') return found;
  return fileInside(root, resolve(root, 'index.html'));
}

async function fileInside(root: string, candidate: string): Promise<StaticLookup> {
  if (!isInside(root, candidate)) return { kind: 'refused' };
  try {
    const real = await realpath(candidate);
    if (!isInside(root, real)) return { kind: 'refused' };
    return (await stat(real)).isFile() ? { kind: 'file', path: real } : { kind: 'missing' };
  } catch {
    return { kind: 'missing' };
  }
}

export async function sendFile(res: ServerResponse, filePath: string, options: { headOnly: boolean; headers: Record<string, string> }): Promise<void> {
  const { size } = await stat(filePath);
  const immutable = /[/\\]assets[/\\]/.test(filePath);
  res.writeHead(200, {
    ...options.headers,
    'Content-Type': contentTypeFor(filePath),
    'Content-Length': String(size),
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (options.headOnly) {
    res.end();
    return;
  }
  await new Promise<void>((done) => {
    const stream = createReadStream(filePath);
    stream.on('error', () => {
      res.destroy();
      done();
    });
    stream.on('end', done);
    stream.pipe(res);
  });
}
