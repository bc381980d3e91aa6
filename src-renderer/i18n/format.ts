import { NO_DEADLINE } from '../../src-shared/domain/case/case.schema';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string): Intl.DateTimeFormat {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format;
}

/** A calendar date (YYYY-MM-DD) or timestamp for display; calendar dates never shift by time zone. */
export function formatDate(value: string, locale: string): string {
  const date = new Date(value.length === 10 ? `${value}T00:00:00.000Z` : value);
  return Number.isNaN(date.getTime()) ? value : dateFormat(locale).format(date);
}

export function hasDeadline(nextDeadline: string): boolean {
  return nextDeadline !== NO_DEADLINE;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A timestamp with date and time of day in the user's time zone, e.g. "10. mars 2026, 12:00". */
export function formatDateTime(value: string, locale: string): string {
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    dateTimeFormats.set(locale, format);
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : format.format(date);
}
