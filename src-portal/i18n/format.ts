import type { Language } from './dictionary';

const locales: Record<Language, string> = { nb: 'nb-NO', en: 'en-GB' };

/** A calendar date (YYYY-MM-DD) for display, never shifted by time zone. */
export function formatDate(value: string, language: Language): string {
  const date = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) ? value : new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
