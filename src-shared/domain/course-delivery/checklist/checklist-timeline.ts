import { checklistPhases, checklistSteps, type ChecklistPhase, type ChecklistStep } from './checklist-steps';
import { dueDateOf, type CourseDates } from './checklist-deadlines';
import type { Checklist, ChecklistState } from './checklist.schema';

export interface TimelineItem {
  step: ChecklistStep;
  due: string;
  state: ChecklistState;
  /** Due before today and not done or set aside. */
  overdue: boolean;
}

export interface TimelinePhase {
  phase: ChecklistPhase;
  /** First and last due date in the phase. */
  from: string;
  to: string;
  items: TimelineItem[];
}

/** The checklist as the case page's timeline draws it: per phase, by due date, with what is overdue on `today`. */
export function checklistTimeline(checklist: Checklist, course: CourseDates, today: string): TimelinePhase[] {
  return checklistPhases.map((phase) => {
    const items = checklistSteps
      .filter((step) => step.phase === phase)
      .map((step) => {
        const due = dueDateOf(step, course);
        const state = checklist[step.id]?.state ?? 'notStarted';
        return { step, due, state, overdue: due < today && state !== 'done' && state !== 'notApplicable' };
      })
      .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
    return { phase, from: items[0]!.due, to: items.at(-1)!.due, items };
  });
}
