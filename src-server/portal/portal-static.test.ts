import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyWithError } from '../http/error-reply';
import { portalFile, registerPortalStatic } from './portal-static';

/** The built portal is served from its folder only, with the content type and security headers it needs. */
const dir = mkdtempSync(join(tmpdir(), 'portal-static-'));
const root = join(dir, 'portal');
const app = Fastify();

beforeAll(async () => {
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>portal</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'notes.txt'), 'not a portal file type');
  writeFileSync(join(dir, 'secret.html'), 'outside');
  app.setErrorHandler(replyWithError);
  registerPortalStatic(app, root);
  await app.ready();
});
afterAll(() => app.close());

describe('portalFile', () => {
  it('names files inside the folder and nothing outside it', () => {
    expect(portalFile(root, '')).toBe(join(root, 'index.html'));
    expect(portalFile(root, 'assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(portalFile(root, '../secret.html')).toBeUndefined();
    expect(portalFile(root, 'assets/../../secret.html')).toBeUndefined();
    expect(portalFile(root, '/etc/passwd')).toBe(join(root, 'etc', 'passwd'));
  });
});

describe('registerPortalStatic', () => {
  it('serves the page with the CSP and the other security headers', async () => {
    const response = await app.inject('/portal/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('<title>portal</title>');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('serves a hashed asset as long-lived, and /portal redirects to /portal/', async () => {
    const asset = await app.inject('/portal/assets/index-abc.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toContain('immutable');
    const bare = await app.inject('/portal');
    expect(bare.statusCode).toBe(302);
    expect(bare.headers.location).toBe('/portal/');
  });

  it.each([
    '/portal/../secret.html',
    '/portal/%2e%2e/secret.html',
    '/portal/assets/%2E%2E/%2E%2E/secret.html',
    '/portal/assets/notes.txt',
    '/portal/missing.js',
    '/portal/assets',
  ])('%s is not found', async (url) => {
    const response = await app.inject(url);
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('outside');
  });
});
