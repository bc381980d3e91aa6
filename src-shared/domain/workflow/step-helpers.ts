import type { Role } from '../access/roles';
import { isoTimestamp } from '../case/case.schema';
import { addDays, dateOf } from '../calendar/iso-date';
import type { Recipient } from './command.schema';
import type { Deadline } from './workflow';

/** Fields every event schema starts with. */
export const eventBase = { at: isoTimestamp };

/** The calendar date `days` after the date of a timestamp. */
export function dueIn(at: string, days: number): string {
  return addDays(dateOf(at), days);
}

export function deadline(kind: string, due: string, label: string): Deadline {
  return { kind, due, label };
}

export const toPerson = (personId: string): Recipient => ({ kind: 'person', personId });
export const toUser = (userId: string): Recipient => ({ kind: 'user', userId });
export const toRole = (role: Role): Recipient => ({ kind: 'role', role });
