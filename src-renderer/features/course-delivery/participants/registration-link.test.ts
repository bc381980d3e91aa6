import { describe, expect, it } from 'vitest';
import { registrationLink } from './registration-link';

describe('the public registration link', () => {
  it('is the portal’s course page on the server, or only its path when the server is not known', () => {
    expect(registrationLink('case-000081', 'https://saksflyt.hvl.no/')).toBe('https://saksflyt.hvl.no/portal/#/kurs/case-000081');
    expect(registrationLink('case 1', undefined)).toBe('/portal/#/kurs/case%201');
  });
});
