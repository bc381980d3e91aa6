import { useMemo } from 'react';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { CourseDeliveryCase } from '../../../src-shared/domain/course-delivery';
import { useDatabase } from '../../app/providers';
import { useObservable } from '../../db/use-observable';

/** One course case as a live query of the replica: undefined while loading, null when no course has the id. */
export function useCourseCase(id: string): CourseDeliveryCase | null | undefined {
  const db = useDatabase();
  const found = useObservable(useMemo(() => db.cases.findOne(id).$, [db, id]));
  return useMemo(
    () => (found === undefined ? undefined : found && found.type === 'courseDelivery' ? (found.toJSON() as Case as CourseDeliveryCase) : null),
    [found],
  );
}

/** Every course case in the replica, live (the replica holds what the user may see); undefined while loading. */
export function useCourseCases(): CourseDeliveryCase[] | undefined {
  const db = useDatabase();
  const found = useObservable(useMemo(() => db.cases.find({ selector: { type: 'courseDelivery' } }).$, [db]));
  return useMemo(() => found?.map((doc) => doc.toJSON() as Case as CourseDeliveryCase), [found]);
}
