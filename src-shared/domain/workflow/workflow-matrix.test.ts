import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../access/roles';
import { actorFor, caseFixtures, happyPaths, rankedNotReached, walk, workflowsUnderTest } from '../../../dev/testing';
import type { CaseWorkflow, Workflow, WorkflowCase, WorkflowEvent } from './workflow';

/**
 * Every status × every event × every role, for all five workflows, against a hand-written table
 * of the allowed steps (the specification): an allowed step succeeds and lands in its target
 * status, a step from the wrong status is `illegal-transition`, a role that may not take it is
 * `role-not-allowed` — except the listed fixture states whose precondition is deliberately unmet.
 */
type Table = Record<string, readonly (readonly [from: readonly string[], to: string, roles: readonly Role[]])[]>;

interface MatrixCase {
  workflow: Workflow<string, unknown, WorkflowEvent>;
  table: Table;
  states: readonly WorkflowCase<string, unknown>[];
  events: Record<string, (c: never) => WorkflowEvent>;
  /** [status, event] pairs where the fixture state fails the event's precondition. */
  preconditionFails?: readonly (readonly [string, string])[];
}

const { followUp, nomination, approval, placement, courseDelivery } = caseFixtures;

const followUpMain = walk(followUp.workflow, followUp.start(), happyPaths.followUp);
const followUpMerged = walk(followUp.workflow, followUp.start(), [['cohortCoordinator', followUp.events.merge]]);

const nominationMain = walk(nomination.workflow, nomination.start(), happyPaths.nomination);
const nominationEnds = [
  walk(nomination.workflow, nominationMain[7]!, [['applicant', nomination.events.declineOffer]]),
  walk(nomination.workflow, nominationMain[2]!, [['caseOfficer', nomination.events.reject]]),
  walk(nomination.workflow, nominationMain[0]!, [['nominator', nomination.events.withdraw]]),
  walk(nomination.workflow, nominationMain[5]!, [
    ['caseOfficer', rankedNotReached],
    ['caseOfficer', nomination.events.markNotReached],
  ]),
].map((states) => states.at(-1)!);

const approvalMain = walk(approval.workflow, approval.start(false), happyPaths.approval);
const approvalWithdrawn = walk(approval.workflow, approval.start(), [['student', approval.events.withdraw]]);

const placementMain = walk(placement.workflow, placement.start(), happyPaths.placement);
const placementEnds = [
  walk(placement.workflow, placementMain[1]!, [['siteCoordinator', placement.events.declineOrder]]),
  walk(placement.workflow, placementMain[0]!, [['placementAdmin', placement.events.cancel]]),
].map((states) => states.at(-1)!);

const courseMain = walk(courseDelivery.workflow, courseDelivery.start(), happyPaths.courseDelivery);
const courseCancelled = walk(courseDelivery.workflow, courseDelivery.start(), [['departmentHead', courseDelivery.events.cancel]]);

/** The last state reached in each status (plain edits keep the status, so the edited one wins). */
function byStatus(states: readonly WorkflowCase<string, unknown>[]): WorkflowCase<string, unknown>[] {
  return [...new Map(states.map((s) => [s.status, s])).values()];
}

const matrices: Record<string, MatrixCase> = {
  followUp: {
    workflow: followUp.workflow as unknown as MatrixCase['workflow'],
    states: byStatus([...followUpMain, ...followUpMerged]),
    events: followUp.events as MatrixCase['events'],
    table: {
      open: [[['reported'], 'open', ['cohortCoordinator']]],
      merge: [[['reported'], 'merged', ['cohortCoordinator']]],
      summon: [[['open'], 'summoned', ['cohortCoordinator']]],
      recordNoShow: [[['summoned'], 'open', ['cohortCoordinator']]],
      holdConversation: [[['summoned'], 'conversationHeld', ['cohortCoordinator']]],
      draftProtocol: [[['conversationHeld'], 'protocolDrafted', ['cohortCoordinator']]],
      signAsStudent: [[['protocolDrafted'], 'signedByStudent', ['cohortCoordinator', 'student']]],
      signAsCoordinator: [[['signedByStudent'], 'protocolSigned', ['cohortCoordinator']]],
      sendProtocol: [[['protocolSigned'], 'protocolSent', ['cohortCoordinator']]],
      callMeeting: [[['protocolSent'], 'meetingCalled', ['departmentHead']]],
      reviewWithRector: [[['meetingCalled'], 'reviewedWithRector', ['rector']]],
      decide: [[['reviewedWithRector'], 'decided', ['departmentHead', 'rector']]],
      closeWithoutDecision: [
        [['open'], 'closed', ['cohortCoordinator']],
        [['protocolSent', 'meetingCalled', 'reviewedWithRector'], 'closed', ['departmentHead']],
      ],
      archiveDecision: [[['decided'], 'decisionArchived', ['departmentHead']]],
      sendDecision: [[['decisionArchived'], 'decisionSent', ['departmentHead']]],
      close: [[['decisionSent'], 'closed', ['departmentHead']]],
    },
  },
  nomination: {
    workflow: nomination.workflow as unknown as MatrixCase['workflow'],
    states: byStatus([...nominationMain, ...nominationEnds]),
    events: nomination.events as MatrixCase['events'],
    table: {
      savePersonalData: [[['nominated'], 'nominated', ['applicant']]],
      submitApplication: [[['nominated'], 'submitted', ['applicant']]],
      startReview: [[['submitted'], 'underReview', ['caseOfficer']]],
      assess: [
        [['submitted'], 'submitted', ['caseOfficer']],
        [['underReview'], 'underReview', ['caseOfficer']],
        [['awaitingDocumentation'], 'awaitingDocumentation', ['caseOfficer']],
        [['qualified'], 'qualified', ['caseOfficer']],
      ],
      requestDocumentation: [[['underReview'], 'awaitingDocumentation', ['caseOfficer']]],
      receiveDocumentation: [[['awaitingDocumentation'], 'underReview', ['applicant', 'caseOfficer']]],
      qualify: [[['submitted', 'underReview'], 'qualified', ['caseOfficer']]],
      rank: [[['qualified'], 'qualified', ['caseOfficer']]],
      makeOffer: [[['submitted', 'underReview', 'qualified'], 'offered', ['caseOfficer']]],
      markNotReached: [[['qualified'], 'notOffered', ['caseOfficer']]],
      grantStudyRight: [[['submitted', 'underReview'], 'admitted', ['caseOfficer']]],
      acceptOffer: [[['offered'], 'admitted', ['applicant']]],
      declineOffer: [[['offered'], 'declined', ['applicant']]],
      reject: [[['underReview'], 'rejected', ['caseOfficer']]],
      withdraw: [[['nominated', 'submitted', 'underReview', 'awaitingDocumentation', 'qualified', 'offered'], 'withdrawn', ['applicant', 'nominator']]],
    },
    // The fixture is a screening round for all applications of a ranked admission, and the ranking offers it a place:
    // before review every way on is refused, after it only qualifying is not, and once ranked only the offer.
    preconditionFails: [
      ['submitted', 'qualify'],
      ['submitted', 'makeOffer'],
      ['submitted', 'grantStudyRight'],
      ['underReview', 'makeOffer'],
      ['underReview', 'grantStudyRight'],
      ['qualified', 'markNotReached'],
    ],
  },
  approval: {
    workflow: approval.workflow as unknown as MatrixCase['workflow'],
    states: byStatus([...approvalMain, ...approvalWithdrawn]),
    events: approval.events as MatrixCase['events'],
    // The last processing state has consent and has accepted its only fetch.
    preconditionFails: [
      ['processing', 'acceptFetchedResults'],
      ['processing', 'requestConsent'],
    ],
    table: {
      startProcessing: [[['registered'], 'processing', ['caseOfficer']]],
      requestConsent: [[['processing'], 'awaitingConsent', ['caseOfficer']]],
      recordConsent: [[['awaitingConsent'], 'processing', ['student', 'caseOfficer']]],
      orderResultFetch: [[['processing'], 'fetchingResults', ['caseOfficer']]],
      // Server-only steps: no role may take them.
      startFetch: [[['fetchingResults'], 'fetchingResults', []]],
      recordSourceAnswers: [
        [['fetchingResults'], 'fetchingResults', []],
        [['processing'], 'processing', []],
        [['decided'], 'decided', []],
      ],
      completeFetch: [[['fetchingResults'], 'processing', []]],
      acceptFetchedResults: [[['processing'], 'processing', ['caseOfficer']]],
      decide: [[['processing'], 'decided', ['caseOfficer']]],
      close: [[['decided'], 'closed', ['caseOfficer']]],
      withdraw: [[['registered', 'processing', 'awaitingConsent', 'fetchingResults'], 'withdrawn', ['student', 'caseOfficer']]],
    },
  },
  placement: {
    workflow: placement.workflow as unknown as MatrixCase['workflow'],
    states: byStatus([...placementMain, ...placementEnds]),
    events: placement.events as MatrixCase['events'],
    table: {
      sendOrder: [[['draft'], 'ordered', ['placementAdmin']]],
      confirmCapacity: [[['ordered'], 'capacityConfirmed', ['siteCoordinator']]],
      declineOrder: [[['ordered'], 'declined', ['siteCoordinator']]],
      assignStaff: [
        [['capacityConfirmed'], 'staffed', ['siteCoordinator']],
        [['staffed'], 'staffed', ['siteCoordinator']],
      ],
      requestSupervisorChange: [
        [['studentsDistributed'], 'studentsDistributed', ['siteCoordinator']],
        [['inProgress'], 'inProgress', ['siteCoordinator']],
      ],
      decideSupervisorChange: [
        [['studentsDistributed'], 'studentsDistributed', ['placementAdmin']],
        [['inProgress'], 'inProgress', ['placementAdmin']],
      ],
      distributeStudents: [[['staffed'], 'studentsDistributed', ['placementAdmin']]],
      start: [[['studentsDistributed'], 'inProgress', ['placementAdmin']]],
      complete: [[['inProgress'], 'completed', ['placementAdmin']]],
      cancel: [[['draft', 'ordered', 'capacityConfirmed', 'staffed'], 'cancelled', ['placementAdmin']]],
    },
  },
  courseDelivery: {
    workflow: courseDelivery.workflow as unknown as MatrixCase['workflow'],
    states: byStatus([...courseMain, ...courseCancelled]),
    events: courseDelivery.events as MatrixCase['events'],
    table: {
      sendContract: [[['planned'], 'contractSent', ['departmentHead']]],
      signContract: [[['contractSent'], 'contractSigned', ['teacher']]],
      archiveContract: [[['contractSigned'], 'contractArchived', ['departmentHead']]],
      publish: [[['contractArchived'], 'published', ['operationsConsultant']]],
      registerParticipant: [
        [['published'], 'published', []],
        [['lmsReady'], 'lmsReady', []],
      ],
      prepareLms: [[['published'], 'lmsReady', ['operationsConsultant']]],
      lmsCourseCreated: [
        [['lmsReady'], 'lmsReady', []],
        [['enrolled'], 'enrolled', []],
        [['inProgress'], 'inProgress', []],
      ],
      enrol: [[['lmsReady'], 'enrolled', ['operationsConsultant']]],
      start: [[['enrolled'], 'inProgress', ['operationsConsultant']]],
      sendEvaluation: [[['inProgress'], 'inProgress', ['operationsConsultant']]],
      evaluate: [[['inProgress'], 'evaluated', ['operationsConsultant']]],
      requestLmsGrades: [[['evaluated'], 'evaluated', ['teacher', 'operationsConsultant']]],
      recordLmsResults: [[['evaluated'], 'evaluated', []]],
      grade: [[['evaluated'], 'graded', ['teacher']]],
      issueCertificates: [[['graded'], 'certificatesSent', ['operationsConsultant']]],
      close: [[['certificatesSent'], 'closed', ['departmentHead', 'operationsConsultant']]],
      cancel: [[['planned', 'contractSent', 'contractSigned', 'contractArchived', 'published', 'lmsReady'], 'cancelled', ['departmentHead']]],
    },
  },
};

describe.each(Object.entries(matrices))('%s workflow: every status × event × role', (_type, matrix) => {
  it('has a fixture state for every status', () => {
    expect(matrix.states.map((s) => s.status).sort()).toEqual([...matrix.workflow.statuses].sort());
  });

  it('declares exactly the status changes of the table', () => {
    const declared = matrix.workflow.statusChanges.map((s) => `${s.event}: ${s.from} → ${s.to} by ${[...s.roles].sort().join(',')}`);
    const expected = Object.entries(matrix.table).flatMap(([event, rules]) =>
      rules.flatMap(([from, to, allowed]) => from.map((f) => `${event}: ${f} → ${to} by ${[...allowed].sort().join(',')}`)),
    );
    expect(declared.sort()).toEqual(expected.sort());
  });

  it('allows exactly the table and refuses everything else with the right reason', () => {
    let allowed = 0;
    let refused = 0;
    for (const state of matrix.states) {
      for (const [event, rules] of Object.entries(matrix.table)) {
        const rule = rules.find(([from]) => from.includes(state.status));
        for (const role of roles) {
          const built = (matrix.events[event] as (c: WorkflowCase<string, unknown>) => WorkflowEvent)(state);
          const result = matrix.workflow.transition(state, built, actorFor(role));
          const label = `${state.status} --${event}--> by ${role}`;
          if (!rule) {
            expect(result, label).toMatchObject({ ok: false, reason: 'illegal-transition' });
          } else if (!rule[2].includes(role)) {
            expect(result, label).toMatchObject({ ok: false, reason: 'role-not-allowed' });
          } else if (matrix.preconditionFails?.some(([s, e]) => s === state.status && e === event)) {
            expect(result, label).toMatchObject({ ok: false, reason: 'precondition-failed' });
          } else {
            expect(result.ok, `${label}: ${result.ok ? '' : result.message}`).toBe(true);
            if (result.ok) expect(result.state.status, label).toBe(rule[1]);
          }
          if (result.ok) allowed++;
          else refused++;
        }
      }
    }
    expect(allowed).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(allowed);
  });
});

const graphs: [string, CaseWorkflow][] = Object.values(workflowsUnderTest).map((w) => [w.type, w]);

describe.each(graphs)('%s workflow graph', (_type, workflow) => {
  it('reaches every status from an initial status, and only terminal statuses are dead ends', () => {
    const reached = new Set(workflow.initial.map((entry) => entry.status as string));
    let grew = true;
    while (grew) {
      grew = false;
      for (const step of workflow.statusChanges) {
        if (reached.has(step.from) && !reached.has(step.to)) {
          reached.add(step.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...workflow.statuses].sort());
    for (const status of workflow.statuses) {
      const leaves = workflow.statusChanges.some((step) => step.from === status);
      expect(leaves, status).toBe(!workflow.terminal.includes(status));
    }
  });

  it('names the roles who act next in every open status', () => {
    for (const status of workflow.statuses) {
      expect(workflow.nextRoles(status).length > 0, status).toBe(!workflow.terminal.includes(status));
    }
  });
});
