import { describe, expect, it } from 'vitest';
import { AppError } from '../../kernel/app-error';
import { appealDeadline } from './appeal-deadline';

describe('appealDeadline', () => {
  it.each([
    // received, deadline, why
    ['2026-11-04', '2026-11-25', 'Wednesday + 3 weeks is a Wednesday working day'],
    ['2026-11-07', '2026-11-30', 'ends on Saturday 28 Nov → Monday'],
    ['2026-11-08', '2026-11-30', 'ends on Sunday 29 Nov → Monday'],
    ['2026-12-04', '2026-12-28', 'ends on Christmas Day (Fri) → past 26 Dec and the weekend'],
    ['2026-12-11', '2027-01-04', 'ends on New Year’s Day 2027 (Fri) → Monday 4 January'],
    ['2026-12-03', '2026-12-24', 'Christmas Eve is a working day in law'],
    ['2026-03-12', '2026-04-07', 'ends on Maundy Thursday 2026 → past Easter to Tuesday'],
    ['2026-03-13', '2026-04-07', 'ends on Good Friday 2026'],
    ['2026-03-16', '2026-04-07', 'ends on Easter Monday 2026'],
    ['2026-04-23', '2026-05-15', 'ends on Ascension Day 2026 (14 May)'],
    ['2026-05-04', '2026-05-26', 'ends on Whit Monday 2026 (25 May)'],
    ['2027-04-26', '2027-05-18', 'ends on Constitution Day 2027 (Mon 17 May)'],
    ['2026-04-10', '2026-05-04', 'ends on Friday 1 May 2026 → Monday 4 May'],
    ['2024-02-08', '2024-02-29', 'leap day is an ordinary working day'],
    ['2025-03-27', '2025-04-22', 'ends on Maundy Thursday 2025 → Tuesday after Easter Monday'],
  ])('received %s → %s (%s)', (received, expected) => {
    expect(appealDeadline(received)).toBe(expected);
  });

  it('rejects input that is not a real YYYY-MM-DD date', () => {
    expect(() => appealDeadline('2026-02-30')).toThrow(AppError);
    expect(() => appealDeadline('22.11.2026')).toThrow(/YYYY-MM-DD/);
  });
});
