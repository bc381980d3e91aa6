import type { CaseType } from '../../../src-shared/domain/case/case-type';
import { approvalStatuses, approvalStatusLabels } from '../../../src-shared/domain/approval/approval.schema';
import { courseDeliveryStatuses, courseDeliveryStatusLabels } from '../../../src-shared/domain/course-delivery/course-delivery.schema';
import { followUpStatuses, followUpStatusLabels } from '../../../src-shared/domain/follow-up/follow-up.schema';
import { nominationStatuses, nominationStatusLabels } from '../../../src-shared/domain/nomination/nomination.schema';
import { placementStatuses, placementStatusLabels } from '../../../src-shared/domain/placement/placement.schema';
import type { Language } from '../../../src-shared/ipc/settings.contract';

type Labels = Readonly<Record<string, Readonly<Record<Language, string>>>>;

/** Each case type's workflow states (in process order) and their labels, from the shared domain. */
const statusesByType: Record<CaseType, { statuses: readonly string[]; labels: Labels }> = {
  followUp: { statuses: followUpStatuses, labels: followUpStatusLabels },
  nomination: { statuses: nominationStatuses, labels: nominationStatusLabels },
  approval: { statuses: approvalStatuses, labels: approvalStatusLabels },
  placement: { statuses: placementStatuses, labels: placementStatusLabels },
  courseDelivery: { statuses: courseDeliveryStatuses, labels: courseDeliveryStatusLabels },
};

export function statusesOf(type: CaseType): readonly string[] {
  return statusesByType[type].statuses;
}

/** The status in the UI language; an unknown status (newer data than this app) shows as stored. */
export function statusLabel(language: Language, type: CaseType, status: string): string {
  const labels = statusesByType[type].labels;
  return Object.hasOwn(labels, status) ? (labels[status]?.[language] ?? status) : status;
}
