import { useMemo } from 'react';
import { mayReadActivity } from '../../../src-shared/domain/access/activity-access';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { PlacementActivity } from '../../../src-shared/domain/placement/activity.schema';
import type { PlacementCase } from '../../../src-shared/domain/placement/placement.workflow';
import { useDatabase } from '../../app/providers';
import { useObservable } from '../../db/use-observable';
import { useActingUser } from '../case/acting-user';

/** The placement activities in the local replica the acting user may read; undefined while loading. */
export function useActivities(): PlacementActivity[] | undefined {
  const db = useDatabase();
  const actor = useActingUser();
  const activities$ = useMemo(() => db.activities.find().$, [db]);
  const docs = useObservable(activities$);
  return useMemo(
    () =>
      docs
        ?.map((doc) => doc.toJSON() as PlacementActivity)
        .filter((activity) => mayReadActivity(actor, activity))
        .sort((a, b) => b.from.localeCompare(a.from) || a.courseCode.localeCompare(b.courseCode)),
    [docs, actor],
  );
}

/** The placement orders (cases of type placement) in the local replica; undefined while loading. */
export function usePlacementOrders(): PlacementCase[] | undefined {
  const db = useDatabase();
  const orders$ = useMemo(() => db.cases.find({ selector: { type: 'placement' } }).$, [db]);
  const docs = useObservable(orders$);
  return useMemo(() => docs?.map((doc) => doc.toJSON() as Case as PlacementCase), [docs]);
}

/** The orders that name the activity. */
export const ordersOf = (orders: readonly PlacementCase[], activityId: string) => orders.filter((order) => order.details.activity.id === activityId);
