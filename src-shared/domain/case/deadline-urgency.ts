import { addDays } from '../calendar';

/** A deadline within this many days from today (today included) is due soon. */
export const DUE_SOON_DAYS = 7;

export type DeadlineUrgency = 'overdue' | 'dueSoon' | 'later';

/** How pressing a deadline (YYYY-MM-DD) is on `today`: past it, within DUE_SOON_DAYS, or later. */
export function deadlineUrgency(due: string, today: string): DeadlineUrgency {
  if (due < today) return 'overdue';
  return due <= addDays(today, DUE_SOON_DAYS) ? 'dueSoon' : 'later';
}
