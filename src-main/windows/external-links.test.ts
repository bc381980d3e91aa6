import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from './external-links';

describe('external link allow-list', () => {
  it.each(['https://lovdata.no/', 'https://www.regjeringen.no/no/dokumenter/', 'https://designsystemet.no/komponenter'])('allows %s', (url) =>
    expect(isAllowedExternalUrl(url)).toBe(true),
  );

  it.each([
    'http://lovdata.no/',
    'https://lovdata.no.attacker.example/',
    'https://attacker.example/?https://lovdata.no/',
    'https://user:pw@lovdata.no/',
    'https://lovdata.no:8443/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'not a url',
    'smb://lovdata.no/share',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});
