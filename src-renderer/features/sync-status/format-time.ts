/** A sync time for the status bar: the time today, date and time otherwise. */
export function formatSyncTime(iso: string, locale: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const sameDay = at.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(locale, sameDay ? { timeStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
