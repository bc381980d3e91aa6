import { addDays, formatIsoDate, isoWeekday, parseIsoDate } from './iso-date';

export interface PublicHoliday {
  date: string;
  name: string;
}

/**
 * Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm,
 * Meeus/Jones/Butcher); valid for every Gregorian year.
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate({ year, month, day });
}

/**
 * Norwegian public holidays of a year, in date order: the helligdager of lov 24. februar 1995
 * nr. 12 om helligdager og helligdagsfred § 2 (besides Sundays) and the høgtidsdagar 1 and 17 May
 * (lov 26. april 1947 nr. 1), which the law treats like helligdager. Christmas Eve and New Year's
 * Eve are ordinary working days in law.
 */
export function norwegianPublicHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const fixed = (month: number, day: number) => formatIsoDate({ year, month, day });
  const holidays: PublicHoliday[] = [
    { date: fixed(1, 1), name: 'Første nyttårsdag' },
    { date: addDays(easter, -3), name: 'Skjærtorsdag' },
    { date: addDays(easter, -2), name: 'Langfredag' },
    { date: easter, name: 'Første påskedag' },
    { date: addDays(easter, 1), name: 'Andre påskedag' },
    { date: fixed(5, 1), name: 'Offentlig høytidsdag' },
    { date: fixed(5, 17), name: 'Grunnlovsdag' },
    { date: addDays(easter, 39), name: 'Kristi himmelfartsdag' },
    { date: addDays(easter, 49), name: 'Første pinsedag' },
    { date: addDays(easter, 50), name: 'Andre pinsedag' },
    { date: fixed(12, 25), name: 'Første juledag' },
    { date: fixed(12, 26), name: 'Andre juledag' },
  ];
  return holidays.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

const holidayCache = new Map<number, Set<string>>();

export function isNorwegianPublicHoliday(isoDate: string): boolean {
  const { year } = parseIsoDate(isoDate);
  let dates = holidayCache.get(year);
  if (!dates) {
    dates = new Set(norwegianPublicHolidays(year).map((holiday) => holiday.date));
    holidayCache.set(year, dates);
  }
  return dates.has(isoDate);
}

/** Not a Saturday, a Sunday or a public holiday. */
export function isNorwegianWorkingDay(isoDate: string): boolean {
  return isoWeekday(isoDate) < 6 && !isNorwegianPublicHoliday(isoDate);
}

/** The date itself when it is a working day, else the next working day after it. */
export function workingDayOnOrAfter(isoDate: string): string {
  let date = isoDate;
  while (!isNorwegianWorkingDay(date)) date = addDays(date, 1);
  return date;
}
