import { canCreateCase } from '../../../../src-shared/domain/access/access';
import type { Actor } from '../../../../src-shared/domain/access/roles';
import { NO_DEADLINE } from '../../../../src-shared/domain/case/case.schema';
import type { PlacementActivity } from '../../../../src-shared/domain/placement/activity.schema';
import { placementWorkflow, type PlacementCase } from '../../../../src-shared/domain/placement/placement.workflow';
import { AppError } from '../../../../src-shared/kernel/app-error';

/** What the administrator asks of one site: places for one class or several. */
export interface OrderRequest {
  classes: readonly string[];
  site: { id: string; name: string; unit: string };
  requestedPlaces: number;
}

/** What a new case needs besides the request: its id and number, who creates it and when. */
export interface OrderIdentity {
  id: string;
  caseNumber: string;
  actor: Actor;
  at: string;
}

/**
 * The draft order (a placement case) for a request: the activity's course, period and
 * requirements, the requested classes with their teachers, the site in the case's cohort (the
 * site users' access scope) and the activity's department. Checked like any new case of the type;
 * a refusal is an AppError saying why.
 */
export function placementOrderDraft(activity: PlacementActivity, request: OrderRequest, identity: OrderIdentity): PlacementCase {
  const { actor, at } = identity;
  const unknown = request.classes.filter((name) => !activity.classes.some((c) => c.name === name));
  if (request.classes.length === 0 || unknown.length > 0)
    throw new AppError('validation', `The activity has no class ${unknown.join(', ') || '(none chosen)'}`);
  const initial = placementWorkflow.initial.find((entry) => entry.roles.some((role) => actor.roles.includes(role)));
  if (!initial) throw new AppError('forbidden', `${actor.name} may not order placement places`);
  const classes = activity.classes.filter((c) => request.classes.includes(c.name));
  const teachers = classes.flatMap((c) =>
    c.teacher ? [{ className: c.name, name: c.teacher.name, ...(c.teacher.email ? { email: c.teacher.email } : {}) }] : [],
  );
  const caseDoc: PlacementCase = {
    id: identity.id,
    type: 'placement',
    caseNumber: identity.caseNumber,
    title: `Praksisbestilling ${activity.courseCode} ${classLabel(request.classes)} – ${request.site.name}`,
    status: initial.status,
    institution: activity.institution,
    department: activity.department,
    cohort: request.site.id,
    subjectPersonId: '',
    assignees: [actor.userId],
    deadlines: [],
    nextDeadline: NO_DEADLINE,
    details: {
      activity: {
        id: activity.id,
        courseCode: activity.courseCode,
        courseName: activity.courseName,
        from: activity.from,
        to: activity.to,
        classes: classes.map((c) => c.name),
        requirements: activity.requirements,
        teachers,
      },
      site: request.site,
      order: { requestedPlaces: request.requestedPlaces },
      supervisorChangeRequests: [],
      supervisorChangeDecisions: [],
    },
    createdAt: at,
    createdBy: actor.userId,
    updatedAt: at,
    updatedBy: actor.userId,
  };
  if (!canCreateCase(actor, caseDoc)) throw new AppError('forbidden', `${actor.name} may not create placement orders for ${activity.department}`);
  const refused = initial.check?.(caseDoc, actor);
  if (refused) throw new AppError('precondition', refused.refused);
  const details = placementWorkflow.detailsSchema.safeParse(caseDoc.details);
  if (!details.success) throw AppError.from(details.error);
  return caseDoc;
}

/** "klasse A" or "klasse A, B": how a title names the classes of an order. */
export const classLabel = (classes: readonly string[]) => `klasse ${classes.join(', ')}`;
