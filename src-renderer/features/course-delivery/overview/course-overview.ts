import { canSeeCase, isTerminalStatus } from '../../../../src-shared/domain/access/access';
import type { Actor } from '../../../../src-shared/domain/access/roles';
import { checklistTimeline, courseDatesOf, type CourseDates, type TimelinePhase } from '../../../../src-shared/domain/course-delivery/checklist';
import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';

export interface CourseOverviewRow {
  caseDoc: CourseDeliveryCase;
  dates: CourseDates;
  phases: TimelinePhase[];
  overdue: number;
  /** Steps done or not applicable, of `total`. */
  settled: number;
  total: number;
}

/** "Mine kurs": the running courses the actor sees (not closed or cancelled), by start date, each with its checklist on `today`. */
export function courseOverviewRows(actor: Actor, courses: readonly CourseDeliveryCase[], today: string): CourseOverviewRow[] {
  return courses
    .filter((c) => !isTerminalStatus(c.type, c.status) && canSeeCase(actor, c))
    .sort((a, b) => a.details.course.startDate.localeCompare(b.details.course.startDate) || a.caseNumber.localeCompare(b.caseNumber))
    .map((caseDoc) => {
      const dates = courseDatesOf(caseDoc.details);
      const phases = checklistTimeline(caseDoc.details.checklist ?? {}, dates, today);
      const items = phases.flatMap((phase) => phase.items);
      return {
        caseDoc,
        dates,
        phases,
        overdue: items.filter((item) => item.overdue).length,
        settled: items.filter((item) => item.state === 'done' || item.state === 'notApplicable').length,
        total: items.length,
      };
    });
}
