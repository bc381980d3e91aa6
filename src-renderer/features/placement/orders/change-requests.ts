import type { PlacementCase } from '../../../../src-shared/domain/placement/placement.workflow';
import { decisionOf } from '../../../../src-shared/domain/placement/placement.workflow';
import type { SupervisorChangeDecision } from '../../../../src-shared/domain/placement/placement.schema';

/** A supervisor's name from the order's staffing (the id when the site no longer lists them). */
export const supervisorName = (order: PlacementCase, userId: string) =>
  (order.details.staffing ?? []).flatMap((entry) => entry.supervisors).find((supervisor) => supervisor.userId === userId)?.name ?? userId;

/** One change request as the order's page shows it: who, from whom to whom, why, and the decision if any. */
export interface ChangeRequestRow {
  id: string;
  student: string;
  from: string;
  to: string;
  reason: string;
  decision: SupervisorChangeDecision | undefined;
}

/** The order's change requests, open ones first (they wait for the institution), then by when they were asked. */
export function changeRequestRows(order: PlacementCase): ChangeRequestRow[] {
  const { details } = order;
  const studentName = (personId: string) => details.distribution?.students.find((s) => s.personId === personId)?.name ?? personId;
  return details.supervisorChangeRequests
    .map((request) => ({
      id: request.id,
      student: studentName(request.personId),
      from: supervisorName(order, request.fromId),
      to: supervisorName(order, request.toId),
      reason: request.reason,
      decision: decisionOf(details, request.id),
      requestedAt: request.requestedAt,
    }))
    .sort((a, b) => Number(Boolean(a.decision)) - Number(Boolean(b.decision)) || a.requestedAt.localeCompare(b.requestedAt))
    .map(({ requestedAt: _requestedAt, ...row }) => row);
}
