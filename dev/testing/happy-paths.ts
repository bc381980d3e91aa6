import type { ApprovalCase, ApprovalEvent } from '../../src-shared/domain/approval/approval.workflow';
import type { CourseDeliveryCase, CourseDeliveryEvent } from '../../src-shared/domain/course-delivery/course-delivery.workflow';
import type { FollowUpCase, FollowUpEvent } from '../../src-shared/domain/follow-up/follow-up.workflow';
import type { NominationCase, NominationEvent } from '../../src-shared/domain/nomination/nomination.workflow';
import type { PlacementCase, PlacementEvent } from '../../src-shared/domain/placement/placement.workflow';
import type { WorkflowEvent } from '../../src-shared/domain/workflow/workflow';
import {
  actorFor,
  approvalEvents,
  courseDeliveryEvents,
  edited,
  followUpEvents,
  nominationEvents,
  placementEvents,
  type Acting,
  type WalkStep,
} from './fixtures';

const head = actorFor('departmentHead');

/**
 * Each workflow's main path from its first case to its last status, each step by the role that
 * takes it (for `walk`). Tests that need a part of a path take a prefix with `slice`.
 */
export const happyPaths: {
  followUp: readonly WalkStep<FollowUpCase, FollowUpEvent>[];
  nomination: readonly WalkStep<NominationCase, NominationEvent>[];
  approval: readonly WalkStep<ApprovalCase, ApprovalEvent>[];
  placement: readonly WalkStep<PlacementCase, PlacementEvent>[];
  courseDelivery: readonly WalkStep<CourseDeliveryCase, CourseDeliveryEvent>[];
} = {
  followUp: [
    ['cohortCoordinator', followUpEvents.open],
    ['cohortCoordinator', followUpEvents.summon],
    ['cohortCoordinator', followUpEvents.holdConversation],
    ['cohortCoordinator', followUpEvents.draftProtocol],
    ['cohortCoordinator', followUpEvents.signAsStudent],
    ['cohortCoordinator', followUpEvents.signAsCoordinator],
    ['cohortCoordinator', followUpEvents.sendProtocol],
    ['departmentHead', followUpEvents.callMeeting],
    ['rector', followUpEvents.reviewWithRector],
    ['departmentHead', followUpEvents.decide],
    ['departmentHead', followUpEvents.archiveDecision],
    ['departmentHead', followUpEvents.sendDecision],
    ['departmentHead', followUpEvents.close],
  ],
  nomination: [
    ['applicant', nominationEvents.submitApplication],
    ['caseOfficer', nominationEvents.startReview],
    ['caseOfficer', nominationEvents.requestDocumentation],
    ['applicant', nominationEvents.receiveDocumentation],
    ['caseOfficer', nominationEvents.qualify],
    ['caseOfficer', nominationEvents.rank],
    ['caseOfficer', nominationEvents.makeOffer],
    ['applicant', nominationEvents.acceptOffer],
  ],
  approval: [
    ['caseOfficer', approvalEvents.startProcessing],
    ['caseOfficer', approvalEvents.requestConsent],
    ['student', approvalEvents.recordConsent],
    ['caseOfficer', approvalEvents.orderResultFetch],
    ['system', approvalEvents.startFetch],
    ['system', approvalEvents.recordSourceAnswers],
    ['system', approvalEvents.completeFetch],
    ['caseOfficer', approvalEvents.acceptFetchedResults],
    ['caseOfficer', approvalEvents.decide],
    ['caseOfficer', approvalEvents.close],
  ],
  placement: [
    ['placementAdmin', placementEvents.sendOrder],
    ['siteCoordinator', placementEvents.confirmCapacity],
    ['siteCoordinator', placementEvents.assignStaff],
    ['placementAdmin', placementEvents.distributeStudents],
    // A change of supervisor asked for by the site, left waiting for the institution.
    ['siteCoordinator', placementEvents.requestSupervisorChange],
    ['placementAdmin', placementEvents.start],
    ['placementAdmin', placementEvents.complete],
  ],
  // With the plain edits the head of department makes along the way (applications handled, certificate text).
  courseDelivery: [
    ['departmentHead', courseDeliveryEvents.sendContract],
    ['teacher', courseDeliveryEvents.signContract],
    ['departmentHead', courseDeliveryEvents.archiveContract],
    ['operationsConsultant', courseDeliveryEvents.publish],
    ['system', courseDeliveryEvents.registerParticipant],
    ['operationsConsultant', courseDeliveryEvents.prepareLms],
    // The head admits the participant and records the applications handled.
    (c) =>
      edited(c, head, {
        details: {
          ...c.details,
          participants: c.details.participants?.map((p) => ({ ...p, status: 'admitted' as const, decision: { at: c.updatedAt, by: head.userId } })),
          applications: { handledAt: c.updatedAt, admitted: 20, waitlisted: 2 },
        },
      }),
    ['operationsConsultant', courseDeliveryEvents.enrol],
    ['operationsConsultant', courseDeliveryEvents.start],
    ['operationsConsultant', courseDeliveryEvents.evaluate],
    ['teacher', courseDeliveryEvents.grade],
    (c) => edited(c, head, { details: { ...c.details, certificateText: { writtenAt: c.updatedAt, text: 'Bestått kurs.' } } }),
    ['operationsConsultant', courseDeliveryEvents.issueCertificates],
    ['departmentHead', courseDeliveryEvents.close],
  ],
};

/** Who takes each step of a path that has no plain edits (a plain edit has no role). */
export function rolesOf<C, E extends WorkflowEvent>(steps: readonly WalkStep<C, E>[]): Acting[] {
  return steps.map((step) => {
    if (typeof step === 'function') throw new Error('a plain edit has no role');
    return step[0];
  });
}
