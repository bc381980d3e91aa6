import { describe, expect, it } from 'vitest';
import { NO_DEADLINE } from '../../../../src-shared/domain/case/case.schema';
import { exportDate, exportDeadline, exportTimestamp } from './export-dates';

describe('dates in the export', () => {
  it('writes a calendar date as dd.mm.yyyy in Norwegian and as ISO in English', () => {
    expect(exportDate('2026-03-05', 'nb')).toBe('05.03.2026');
    expect(exportDate('2026-03-05', 'en')).toBe('2026-03-05');
  });

  it('leaves the deadline cell empty for a case without one', () => {
    expect(exportDeadline(NO_DEADLINE, 'nb')).toBe('');
    expect(exportDeadline('2026-12-31', 'nb')).toBe('31.12.2026');
  });

  it('writes a timestamp as local date and time', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Oslo.
    expect(exportTimestamp('2026-12-31T23:30:00.000Z', 'nb', 'Europe/Oslo')).toBe('01.01.2027 00:30');
    expect(exportTimestamp('2026-06-15T08:05:00.000Z', 'en', 'Europe/Oslo')).toBe('2026-06-15 10:05');
  });
});
