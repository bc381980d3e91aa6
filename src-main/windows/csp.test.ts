import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, httpOrigin } from './content-security-policy';
import { installCspHeader, type HeaderSession } from './csp-header';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('content security policy', () => {
  it('locks the page down and forbids framing', () => {
    const policy = directives(buildContentSecurityPolicy({ connectSources: ['https://saksflyt.example.no'] }));
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:*', 'http://localhost:*', 'https://saksflyt.example.no']);
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it("allows the dev server's inline preamble and websocket only in dev", () => {
    const policy = directives(buildContentSecurityPolicy({ devServer: true }));
    expect(policy.get('script-src')).toContain("'unsafe-inline'");
    expect(policy.get('connect-src')).toContain('ws:');
  });

  it.each([
    ['http://127.0.0.1:4318/api', 'http://127.0.0.1:4318'],
    ['https://saksflyt.example.no', 'https://saksflyt.example.no'],
    ['javascript:alert(1)', undefined],
    ['data:text/html,x', undefined],
    ['not a url', undefined],
  ])('takes the origin of %s as %s', (url, origin) => expect(httpOrigin(url)).toBe(origin));
});

describe('CSP response header (Electron session)', () => {
  it('adds the policy to responses and keeps their other headers', async () => {
    let listener: Parameters<HeaderSession['webRequest']['onHeadersReceived']>[0] | undefined;
    installCspHeader({ webRequest: { onHeadersReceived: (l) => void (listener = l) } }, async () => "frame-ancestors 'none'");
    const response = await new Promise<{ responseHeaders?: Record<string, string[]> }>((resolve) =>
      listener?.({ url: 'file:///app/index.html', responseHeaders: { 'X-Test': ['1'] } }, resolve),
    );
    expect(response.responseHeaders).toEqual({ 'X-Test': ['1'], 'Content-Security-Policy': ["frame-ancestors 'none'"] });
  });

  it('falls back to a deny-all policy when the policy cannot be computed', async () => {
    let listener: Parameters<HeaderSession['webRequest']['onHeadersReceived']>[0] | undefined;
    installCspHeader({ webRequest: { onHeadersReceived: (l) => void (listener = l) } }, () => Promise.reject(new Error('x')));
    const response = await new Promise<{ responseHeaders?: Record<string, string[]> }>((resolve) => listener?.({ url: 'file:///app/index.html' }, resolve));
    expect(response.responseHeaders?.['Content-Security-Policy']?.[0]).toContain("default-src 'none'");
  });
});
