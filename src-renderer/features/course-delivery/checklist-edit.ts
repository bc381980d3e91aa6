import type { Actor } from '../../../src-shared/domain/access/roles';
import { checkCaseChange } from '../../../src-shared/domain/case/case-change';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { ChecklistEntry } from '../../../src-shared/domain/course-delivery/checklist';
import type { CourseDeliveryCase } from '../../../src-shared/domain/course-delivery';

/** The course case with one checklist step's new entry: a plain case edit, stamped with who and when. */
export function withChecklistEntry<C extends Pick<CourseDeliveryCase, 'details' | 'updatedAt' | 'updatedBy'>>(c: C, stepId: string, entry: ChecklistEntry): C {
  return {
    ...c,
    details: { ...c.details, checklist: { ...c.details.checklist, [stepId]: entry } },
    updatedAt: entry.changedAt,
    updatedBy: entry.changedBy,
  };
}

/**
 * Why the server would refuse this entry, or null: the same check it runs on the pushed case
 * (access, the workflow's checkEdit: owners only, in order, reason and reference), made before
 * the edit is written to the replica.
 */
export function checklistEditProblem(before: CourseDeliveryCase, stepId: string, entry: ChecklistEntry, actor: Actor): string | null {
  const result = checkCaseChange({ before: before as Case, after: withChecklistEntry(before, stepId, entry) as Case, actor });
  return result.ok ? null : result.message;
}
