import { describe, expect, it } from 'vitest';
import { registrationUrl } from './registration-url';

describe('the registration URL', () => {
  it('is the portal page of the course under the public address', () => {
    expect(registrationUrl('https://saksflyt.hvl.no/', 'case-000081')).toBe('https://saksflyt.hvl.no/portal/#/kurs/case-000081');
  });
});
