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
