import { AppError } from '../../kernel/app-error';

/**
 * Calendar arithmetic on plain `YYYY-MM-DD` strings. Dates are counted as days since
 * 1970-01-01 in UTC, so no time zone or daylight-saving change can shift a date.
 */
const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses `YYYY-MM-DD`; throws a validation AppError for anything else or a date that does not exist. */
export function parseIsoDate(value: string): CalendarDate {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) {
    throw new AppError('validation', `Expected a date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (!isRealDate(year, month, day)) throw new AppError('validation', `${value} is not a real calendar date`);
  return { year, month, day };
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function formatIsoDate({ year, month, day }: CalendarDate): string {
  return `${year >= 1000 ? year : String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, and back, by plain arithmetic
 * (H. Hinnant's days_from_civil / civil_from_days): no Date objects, so it is fast enough for
 * generating 100,000 demo cases and exact for every year.
 */
export function toEpochDay({ year, month, day }: CalendarDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function civilFromEpochDay(epochDay: number): CalendarDate {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function fromEpochDay(epochDay: number): string {
  return formatIsoDate(civilFromEpochDay(epochDay));
}

export function addDays(isoDate: string, days: number): string {
  return fromEpochDay(toEpochDay(parseIsoDate(isoDate)) + days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(isoDate: string): number {
  return ((((toEpochDay(parseIsoDate(isoDate)) + 3) % 7) + 7) % 7) + 1;
}

/** The calendar date (UTC) of an ISO timestamp or Date. */
export function dateOf(timestamp: string | Date): string {
  if (typeof timestamp === 'string' && timestamp.length >= 20 && timestamp[10] === 'T' && timestamp.endsWith('Z')) {
    return timestamp.slice(0, 10);
  }
  return isoTimestampOf(typeof timestamp === 'string' ? Date.parse(timestamp) : timestamp.getTime()).slice(0, 10);
}

/** Milliseconds since the epoch as an ISO 8601 UTC timestamp, like Date#toISOString (years 0–9999). */
export function isoTimestampOf(ms: number): string {
  if (!Number.isFinite(ms)) throw new AppError('validation', 'Not a valid point in time');
  const epochDay = Math.floor(ms / DAY_MS);
  let rest = ms - epochDay * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  const time = `${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}`;
  return `${fromEpochDay(epochDay)}T${time}Z`;
}
