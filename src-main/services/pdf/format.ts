/** Dates and times as Norwegian letters write them, in Norwegian time whatever the machine's zone. */
const TIME_ZONE = 'Europe/Oslo';

const longDate = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE });
const shortDate = new Intl.DateTimeFormat('nb-NO', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: TIME_ZONE });
const weekdayDate = new Intl.DateTimeFormat('nb-NO', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: TIME_ZONE,
});
const clock = new Intl.DateTimeFormat('nb-NO', { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });

/** A calendar date (YYYY-MM-DD) is a day, not an instant: read it at noon UTC so no zone moves it. */
function dayOf(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00Z`);
}

/** "1. desember 2026" */
export const formatLongDate = (isoDate: string): string => longDate.format(dayOf(isoDate));

/** "01.12.2026" */
export const formatShortDate = (isoDate: string): string => shortDate.format(dayOf(isoDate));

/** The Norwegian calendar day of an instant: "01.12.2026" */
export const formatInstantDate = (isoTimestamp: string): string => shortDate.format(new Date(isoTimestamp));

/** "tirsdag 1. desember 2026 kl. 10:15" */
export function formatMeetingTime(isoTimestamp: string): string {
  const instant = new Date(isoTimestamp);
  return `${weekdayDate.format(instant)} kl. ${clock.format(instant)}`;
}

/** "01.12.2026 kl. 10:15" */
export function formatTimestamp(isoTimestamp: string): string {
  const instant = new Date(isoTimestamp);
  return `${shortDate.format(instant)} kl. ${clock.format(instant)}`;
}

const decimal = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });

/** "7,5" */
export const formatNumber = (value: number): string => decimal.format(value);
