import type { Language } from '../../../../src-shared/ipc/settings.contract';
import { hasDeadline } from '../../../i18n/format';

/** YYYY-MM-DD → DD.MM.YYYY, the date form Norwegian Excel reads as a date. */
const norwegian = (isoDate: string) => `${isoDate.slice(8, 10)}.${isoDate.slice(5, 7)}.${isoDate.slice(0, 4)}`;

/** A calendar date for the export: dd.mm.yyyy in Norwegian, ISO in English. */
export function exportDate(isoDate: string, language: Language): string {
  return language === 'nb' ? norwegian(isoDate) : isoDate;
}

/** The next deadline, or an empty cell when the case has none. */
export function exportDeadline(nextDeadline: string, language: Language): string {
  return hasDeadline(nextDeadline) ? exportDate(nextDeadline, language) : '';
}

/** Swedish formatting is ISO-shaped ("2026-12-06 10:15"); made once per time zone, as it is costly. */
const isoDateTimes = new Map<string | undefined, Intl.DateTimeFormat>();

function isoDateTime(timeZone: string | undefined): Intl.DateTimeFormat {
  let format = isoDateTimes.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone });
    isoDateTimes.set(timeZone, format);
  }
  return format;
}

/** A timestamp as local date and time (HH:mm), the date as in exportDate. */
export function exportTimestamp(timestamp: string, language: Language, timeZone?: string): string {
  const local = isoDateTime(timeZone).format(new Date(timestamp));
  const [date = '', time = ''] = local.split(' ');
  return `${exportDate(date, language)} ${time}`;
}
