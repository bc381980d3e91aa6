import type { PlacementActivity } from '../placement/activity.schema';
import { activityTable } from './access-table';
import type { Actor } from './roles';

/** The fields of a placement activity the access rules read. */
export type ActivityScope = Pick<PlacementActivity, 'institution' | 'department'>;

const inScope = (actor: Actor, activity: ActivityScope, reach: 'institution' | 'department' | '-') =>
  reach === 'institution' || (reach === 'department' && actor.scope.departments.includes(activity.department));

/** May the actor receive the activity (activityTable `read`)? */
export function mayReadActivity(actor: Actor, activity: ActivityScope): boolean {
  return activity.institution === actor.scope.institution && actor.roles.some((role) => inScope(actor, activity, activityTable[role].read));
}

/** May the actor create or change an activity in this scope (activityTable `write`)? */
export function mayWriteActivity(actor: Actor, activity: ActivityScope): boolean {
  return activity.institution === actor.scope.institution && actor.roles.some((role) => inScope(actor, activity, activityTable[role].write));
}

/** Fields fixed once an activity exists: its orders name it, and who reads it follows them. */
const fixedFields = ['institution', 'department', 'createdBy'] as const;

export type ActivityWriteResult = { ok: true } | { ok: false; code: 'forbidden' | 'fixed-field'; message: string };

/** Whether the actor may store `after` over `before` (null: a new activity). */
export function checkActivityWrite(actor: Actor, before: PlacementActivity | null, after: PlacementActivity): ActivityWriteResult {
  if (!mayWriteActivity(actor, after) || (before && !mayWriteActivity(actor, before))) {
    return { ok: false, code: 'forbidden', message: 'Only the institution’s placement administrators may keep a placement activity.' };
  }
  if (!before && after.createdBy !== actor.userId) return { ok: false, code: 'forbidden', message: 'A placement activity is created in your own name.' };
  const changed = before ? fixedFields.filter((field) => before[field] !== after[field]) : [];
  if (changed.length) return { ok: false, code: 'fixed-field', message: `The ${changed.join(', ')} of a placement activity cannot change.` };
  return { ok: true };
}
