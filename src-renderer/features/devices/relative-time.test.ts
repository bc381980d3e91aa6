import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './relative-time';

const now = new Date('2026-03-10T12:00:00.000Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

describe('formatRelativeTime', () => {
  it.each([
    [ago(10), 'en-GB', 'now'],
    [ago(90), 'en-GB', '1 minute ago'],
    [ago(3 * 3600 + 59), 'en-GB', '3 hours ago'],
    [ago(26 * 3600), 'en-GB', 'yesterday'],
    [ago(3 * 24 * 3600), 'en-GB', '3 days ago'],
    [ago(15 * 24 * 3600), 'en-GB', '2 weeks ago'],
    [ago(400 * 24 * 3600), 'en-GB', 'last year'],
    [ago(3 * 3600), 'nb-NO', 'for 3 timer siden'],
    [ago(10), 'nb-NO', 'nå'],
  ])('%s in %s is "%s"', (value, locale, expected) => expect(formatRelativeTime(value, now, locale)).toBe(expected));
});
