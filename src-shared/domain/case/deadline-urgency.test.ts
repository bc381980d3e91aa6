import { describe, expect, it } from 'vitest';
import { DUE_SOON_DAYS, deadlineUrgency } from './deadline-urgency';

describe('deadlineUrgency', () => {
  it('marks a deadline before today overdue, and today through DUE_SOON_DAYS ahead due soon', () => {
    expect(DUE_SOON_DAYS).toBe(7);
    expect(deadlineUrgency('2026-03-09', '2026-03-10')).toBe('overdue');
    expect(deadlineUrgency('2026-03-10', '2026-03-10')).toBe('dueSoon');
    expect(deadlineUrgency('2026-03-17', '2026-03-10')).toBe('dueSoon');
    expect(deadlineUrgency('2026-03-18', '2026-03-10')).toBe('later');
  });

  it('counts calendar days across month and year ends', () => {
    expect(deadlineUrgency('2027-01-04', '2026-12-28')).toBe('dueSoon');
    expect(deadlineUrgency('2027-01-05', '2026-12-28')).toBe('later');
    expect(deadlineUrgency('2028-02-29', '2028-03-01')).toBe('overdue');
  });
});
