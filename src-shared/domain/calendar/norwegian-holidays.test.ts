import { describe, expect, it } from 'vitest';
import { addDays, civilFromEpochDay, dateOf, formatIsoDate, isoTimestampOf, isoWeekday, parseIsoDate, toEpochDay } from './iso-date';
import { easterSunday, isNorwegianWorkingDay, norwegianPublicHolidays, workingDayOnOrAfter } from './norwegian-holidays';

describe('easterSunday', () => {
  it.each([
    [1818, '1818-03-22'], // earliest possible date
    [1943, '1943-04-25'], // latest possible date
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('%i → %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
    expect(isoWeekday(date)).toBe(7);
  });
});

describe('norwegianPublicHolidays', () => {
  it('lists the twelve holidays of 2026 as published', () => {
    expect(norwegianPublicHolidays(2026).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-04-02',
      '2026-04-03',
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-17',
      '2026-05-24',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  it('sorts by date when Ascension coincides with 1 May (2008)', () => {
    const dates = norwegianPublicHolidays(2008).map((h) => h.date);
    expect(dates).toContain('2008-05-01');
    expect([...dates].sort()).toEqual(dates);
    expect(
      norwegianPublicHolidays(2008)
        .filter((h) => h.date === '2008-05-01')
        .map((h) => h.name)
        .sort(),
    ).toEqual(['Kristi himmelfartsdag', 'Offentlig høytidsdag']);
  });
});

describe('working days', () => {
  it('knows weekends, holidays and ordinary days', () => {
    expect(isNorwegianWorkingDay('2026-11-23')).toBe(true); // Monday
    expect(isNorwegianWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(isNorwegianWorkingDay('2026-11-29')).toBe(false); // Sunday
    expect(isNorwegianWorkingDay('2026-05-17')).toBe(false);
    expect(isNorwegianWorkingDay('2026-12-24')).toBe(true);
  });

  it('never returns a non-working day and never moves a working day', () => {
    let date = '2026-01-01';
    for (let i = 0; i < 800; i++) {
      const result = workingDayOnOrAfter(date);
      expect(isNorwegianWorkingDay(result)).toBe(true);
      expect(result >= date).toBe(true);
      if (isNorwegianWorkingDay(date)) expect(result).toBe(date);
      date = addDays(date, 1);
    }
  });

  it('adds days across years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(() => parseIsoDate('2023-02-29')).toThrow(/not a real calendar date/);
  });
});

describe('epoch-day arithmetic', () => {
  it('agrees with Date for every day (every 13th day, 1800–2200) and formats timestamps like toISOString', () => {
    const start = Date.UTC(1800, 0, 1) / 86_400_000;
    const end = Date.UTC(2200, 11, 31) / 86_400_000;
    for (let day = start; day <= end; day += 13) {
      const expected = new Date(day * 86_400_000).toISOString();
      const civil = civilFromEpochDay(day);
      expect(formatIsoDate(civil)).toBe(expected.slice(0, 10));
      expect(toEpochDay(civil)).toBe(day);
    }
    for (const ms of [0, 1, 999, 86_399_999, Date.UTC(2026, 10, 22, 6, 5, 4, 3), -1, Date.UTC(1899, 11, 31, 23, 59, 59, 999)]) {
      expect(isoTimestampOf(ms)).toBe(new Date(ms).toISOString());
    }
    expect(dateOf('2026-11-22T23:59:59.999Z')).toBe('2026-11-22');
    expect(dateOf(new Date(Date.UTC(2026, 0, 1)))).toBe('2026-01-01');
  });
});
