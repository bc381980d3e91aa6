import { addDays, toEpochDay, parseIsoDate, fromEpochDay } from '../../calendar/iso-date';
import type { ChecklistStep, DeadlineAnchor } from './checklist-steps';

/** The course dates the checklist's deadlines count from. */
export interface CourseDates {
  startDate: string;
  endDate: string;
  /** Number of sessions (samlinger), evenly spread from the first to the last day when their dates are not given. */
  sessions: number;
  /** The sessions' dates, when known. */
  sessionDates?: readonly string[];
  /** The written assignment's deadline; two weeks after the last day when not set. */
  assignmentDeadline?: string;
}

/** Days after the course's last day the written assignment is due when no deadline is set. */
export const DEFAULT_ASSIGNMENT_DAYS = 14;

/** The next-to-last session: from the dates when given, else the sessions spread evenly over the course. */
export function nextToLastSession(course: CourseDates): string {
  const dates = [...(course.sessionDates ?? [])].sort();
  if (dates.length >= 2) return dates.at(-2)!;
  if (course.sessions < 2) return course.endDate;
  const first = toEpochDay(parseIsoDate(course.startDate));
  const last = toEpochDay(parseIsoDate(course.endDate));
  return fromEpochDay(first + Math.round(((last - first) * (course.sessions - 2)) / (course.sessions - 1)));
}

export function anchorDate(course: CourseDates, anchor: DeadlineAnchor): string {
  switch (anchor) {
    case 'start':
      return course.startDate;
    case 'end':
      return course.endDate;
    case 'nextToLastSession':
      return nextToLastSession(course);
    case 'assignmentDeadline':
      return course.assignmentDeadline ?? addDays(course.endDate, DEFAULT_ASSIGNMENT_DAYS);
  }
}

/** When the step is due for this course (the shared rule: its anchor date plus its days). */
export function dueDateOf(step: ChecklistStep, course: CourseDates): string {
  return addDays(anchorDate(course, step.due.from), step.due.days);
}
