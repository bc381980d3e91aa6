import { describe, expect, it } from 'vitest';
import { fetchBlockedBy } from './consent';

describe('consent to result exchange', () => {
  it('blocks a fetch until the student said J, and says why', () => {
    const consent = {
      type: 'RESUTVEKSL',
      answeredOn: '2026-09-01',
      recordedAt: '2026-09-01T08:00:00.000Z',
      recordedBy: 'person-1',
      source: 'studentweb',
    } as const;
    expect(fetchBlockedBy(undefined)).toBe('noConsent');
    expect(fetchBlockedBy({ ...consent, answer: 'N' })).toBe('consentRefused');
    expect(fetchBlockedBy({ ...consent, answer: 'J' })).toBeNull();
  });
});
