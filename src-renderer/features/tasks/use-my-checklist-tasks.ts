import { useMemo } from 'react';
import type { Actor } from '../../../src-shared/domain/access/roles';
import { myChecklistTasks, type ChecklistTask } from '../../../src-shared/domain/course-delivery/checklist';
import { useCourseCases } from '../course-delivery/use-course-case';

/** The checklist steps the actor records next on their courses (the shared rule), live from the replica; undefined while loading. */
export function useMyChecklistTasks(actor: Actor, today: string): ChecklistTask[] | undefined {
  const courses = useCourseCases();
  return useMemo(() => (courses ? myChecklistTasks(actor, courses, today) : undefined), [actor, courses, today]);
}
