import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../src-main/host/browser-host';
import { oversizedInput, wrongFields, wrongInputs } from '../../../src-main/ipc/bad-inputs.fixture';
import { channels } from '../../../src-shared/ipc/channels';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

let root: string;
let dataDir: string;
let rendererDir: string;
let host: BrowserHost;
let port: number;

/** node:http instead of fetch: paths go out unnormalized and Host/Origin can be set freely. */
function raw(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  chunked?: boolean;
  /** false: no Host header at all. */
  setHost?: boolean;
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const { method = 'GET', path, headers, setHost = true } = options;
    const req = request({ host: '127.0.0.1', port, method, path, headers, setHost }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (options.body !== undefined && options.chunked) {
      // No Content-Length: the host must enforce the limit while streaming.
      const body = Buffer.from(options.body);
      for (let offset = 0; offset < body.length; offset += 64 * 1024) req.write(body.subarray(offset, offset + 64 * 1024));
      req.end();
    } else {
      req.end(options.body);
    }
  });
}

function rpc(channel: string, body?: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return raw({
    method: 'POST',
    path: `/rpc/${channel}`,
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

function envelope(response: RawResponse): { ok: boolean; value?: unknown; error?: { kind: string; message: string } } {
  expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  return JSON.parse(response.text) as { ok: boolean; value?: unknown; error?: { kind: string; message: string } };
}

function expectValidationError(response: RawResponse, status = 400): void {
  expect(response.status).toBe(status);
  const body = envelope(response);
  expect(body.ok).toBe(false);
  expect(body.error?.kind).toBe('validation');
  expect(body.error?.message).toEqual(expect.any(String));
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'saksflyt-host-'));
  dataDir = join(root, 'data');
  rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><html lang="nb"><title>Saksflyt</title></html>');
  await writeFile(join(rendererDir, 'assets', 'app-1a2b.js'), 'console.log("app");');
  await writeFile(join(rendererDir, 'assets', 'app-1a2b.css'), 'body{margin:0}');
  await writeFile(join(rendererDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(rendererDir, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  await writeFile(join(rendererDir, '.env'), 'SECRET=dotfile');
  await writeFile(join(root, 'secret.txt'), 'TOP-SECRET-OUTSIDE');
  await symlink(join(root, 'secret.txt'), join(rendererDir, 'leak.txt'));
  host = await startBrowserHost({ port: 0, dataDir, rendererDir });
  port = Number(new URL(host.url).port);
});

afterAll(async () => {
  await host?.close();
  await rm(root, { recursive: true, force: true });
});

describe('browser host: static files', () => {
  it('listens on 127.0.0.1 only and prints its URL', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(port).toBeGreaterThan(0);
  });

  it('serves index.html for / with the CSP header including frame-ancestors', async () => {
    const response = await raw({ path: '/' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.text).toContain('<title>Saksflyt</title>');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    // Production policy: scripts only from the app (no 'unsafe-inline', no 'unsafe-eval').
    expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe');
    expect(csp).toContain('http://127.0.0.1:4318');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it.each([
    ['/assets/app-1a2b.js', 'text/javascript; charset=utf-8', 'console.log("app");'],
    ['/assets/app-1a2b.css', 'text/css; charset=utf-8', 'body{margin:0}'],
    ['/assets/logo.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
    ['/assets/font.woff2', 'font/woff2', 'wOF2'],
    ['/index.html?cache=bust', 'text/html; charset=utf-8', '<title>Saksflyt</title>'],
  ])('serves %s as %s', async (path, type, content) => {
    const response = await raw({ path });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(type);
    expect(response.text).toContain(content);
  });

  it('answers HEAD without a body', async () => {
    const response = await raw({ method: 'HEAD', path: '/assets/app-1a2b.js' });
    expect(response.status).toBe(200);
    expect(response.headers['content-length']).toBe(String('console.log("app");'.length));
    expect(response.text).toBe('');
  });

  it('serves index.html for client-side routes but 404 for missing files', async () => {
    const route = await raw({ path: '/cases/123' });
    expect(route.status).toBe(200);
    expect(route.text).toContain('<title>Saksflyt</title>');
    expect((await raw({ path: '/assets/missing.js' })).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/leak.txt',
    '/.env',
    '/%00index.html',
    '/%E0%A4%A',
    `/${'..%2f'.repeat(12)}etc%2fpasswd`,
  ])('refuses %s', async (path) => {
    const response = await raw({ path });
    expect(response.status).toBe(404);
    expect(response.text).not.toContain('TOP-SECRET-OUTSIDE');
    expect(response.text).not.toContain('SECRET=dotfile');
    expect(response.text).not.toContain('root:');
  });

  it('refuses other methods on static paths', async () => {
    expect((await raw({ method: 'DELETE', path: '/index.html' })).status).toBe(405);
  });
});

describe('browser host: RPC through the shared contract', () => {
  it('serves every channel with a value in the ok envelope', async () => {
    const info = envelope(await rpc('app:info'));
    expect(info).toMatchObject({ ok: true, value: { name: 'Saksflyt', shell: 'browser', dataDir } });

    const settings = envelope(await rpc('settings:get'));
    expect(settings).toMatchObject({ ok: true, value: { language: 'nb' } });

    const updated = envelope(await rpc('settings:update', JSON.stringify({ language: 'en', syncIntervalMinutes: 10 })));
    expect(updated).toMatchObject({ ok: true, value: { language: 'en', syncIntervalMinutes: 10 } });
    const stored = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(stored).toMatchObject({ language: 'en', syncIntervalMinutes: 10 });

    // Signed out, the replica's key is refused (code signed-out); the demo database's own key is not.
    expect(envelope(await rpc('secure-store:local-db-key'))).toMatchObject({ ok: false, error: { kind: 'forbidden', details: { code: 'signed-out' } } });
    const first = envelope(await rpc('secure-store:demo-db-key'));
    const second = envelope(await rpc('secure-store:demo-db-key'));
    const key = (first.value as { key: string }).key;
    expect(Buffer.from(key, 'base64url').length).toBeGreaterThanOrEqual(32);
    expect(second.value).toEqual(first.value);

    const logged = envelope(await rpc('log:write', JSON.stringify({ level: 'warn', message: 'fra nettleseren æøå' })));
    expect(logged).toEqual({ ok: true, value: { written: true } });
    const [logFile] = await readdir(join(dataDir, 'logs'));
    const lines = (await readFile(join(dataDir, 'logs', logFile ?? ''), 'utf8')).trim().split('\n');
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({
      level: 'warn',
      message: 'fra nettleseren æøå',
      source: 'renderer',
    });
  });

  it('accepts a URL-encoded channel name', async () => {
    expect(envelope(await rpc('settings%3Aget')).ok).toBe(true);
  });

  describe.each(Object.values(channels).map((contract) => contract.channel))('channel %s', (channel) => {
    it.each(wrongInputs)('rejects %s with a validation envelope', async (_label, input) => {
      expectValidationError(await rpc(channel, JSON.stringify(input)));
    });

    it('rejects wrongly typed fields', async () => {
      for (const input of wrongFields[channel] ?? []) {
        expectValidationError(await rpc(channel, JSON.stringify(input)));
      }
    });

    it('rejects malformed JSON', async () => {
      expectValidationError(await rpc(channel, '{"level": "info", '));
    });

    it('rejects a body that is not declared as JSON', async () => {
      expectValidationError(await rpc(channel, '{}', { 'content-type': 'text/plain' }), 415);
    });

    it('rejects an oversized payload with 413 (Content-Length and streamed)', async () => {
      const big = JSON.stringify(oversizedInput);
      expectValidationError(await rpc(channel, big), 413);
      expectValidationError(
        await raw({ method: 'POST', path: `/rpc/${channel}`, headers: { 'content-type': 'application/json' }, body: big, chunked: true }),
        413,
      );
    });

    it('rejects GET', async () => {
      expectValidationError(await raw({ path: `/rpc/${channel}` }), 405);
    });
  });

  it.each(['does:not-exist', '', '%E0%A4%A', 'settings:get/extra'])('rejects unknown channel "%s"', async (channel) => {
    expectValidationError(await rpc(channel, '{}'));
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, changing nothing', async () => {
    const before = envelope(await rpc('settings:get')).value;
    const patch = JSON.stringify({ serverUrl: 'https://attacker.example' });
    const foreign: Record<string, string>[] = [
      { host: `attacker.example:${port}` },
      { origin: 'https://attacker.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of foreign) {
      const response = await rpc('settings:update', patch, headers);
      expect(response.status).toBe(403);
      expect(envelope(response)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    }
    expect(envelope(await rpc('settings:get')).value).toEqual(before);
    expect(envelope(await rpc('settings:get', undefined, { origin: `http://127.0.0.1:${port}` })).ok).toBe(true);
  });

  it('refuses any Origin but exactly its own, and a missing or foreign Host, on RPC and static files alike', async () => {
    const before = envelope(await rpc('settings:get')).value;
    const patch = JSON.stringify({ serverUrl: 'https://attacker.example' });
    const refused: Record<string, string>[] = [
      { origin: `https://127.0.0.1:${port}` },
      { origin: `http://127.0.0.1:${port + 1}` },
      { origin: `127.0.0.1:${port}` },
      { origin: `http://127.0.0.1:${port}.attacker.example` },
      { origin: `http://127.0.0.1:${port}/` },
      // Another port of 127.0.0.1 is the same site, but not the same origin.
      { 'sec-fetch-site': 'same-site' },
      { host: `127.0.0.1:${port + 1}` },
    ];
    for (const headers of refused) {
      const call = await raw({ method: 'POST', path: '/rpc/settings:update', headers: { 'content-type': 'application/json', ...headers }, body: patch });
      expect(call.status, JSON.stringify(headers)).toBe(403);
      expect((await raw({ path: '/', headers })).status, JSON.stringify(headers)).toBe(403);
    }
    // Without Host, Node's HTTP server refuses the request before the host sees it.
    expect(
      (await raw({ method: 'POST', path: '/rpc/settings:update', headers: { 'content-type': 'application/json' }, body: patch, setHost: false })).status,
    ).toBe(400);
    expect(envelope(await rpc('settings:get')).value).toEqual(before);
    const own: Record<string, string>[] = [{ origin: `http://localhost:${port}`, host: `localhost:${port}` }, { 'sec-fetch-site': 'same-origin' }];
    for (const headers of own) {
      expect((await raw({ path: '/', headers })).status).toBe(200);
    }
  });

  it('lets the page connect to the configured central server (CSP follows settings)', async () => {
    expect(envelope(await rpc('settings:update', JSON.stringify({ serverUrl: 'https://saksflyt.example.no' }))).ok).toBe(true);
    const csp = String((await raw({ path: '/' })).headers['content-security-policy']);
    expect(csp).toMatch(/connect-src [^;]*https:\/\/saksflyt\.example\.no/);
  });

  it('is still serving after all the bad input', async () => {
    expect(envelope(await rpc('app:info')).ok).toBe(true);
  });
});
