import type { Actor, Role } from '../../src-shared/domain/access/roles';
import type { Person } from '../../src-shared/domain/person/person.schema';
import type { ExternalResult } from '../../src-shared/domain/approval/approval.schema';
import { approvalWorkflow, type ApprovalCase, type ApprovalEvent } from '../../src-shared/domain/approval/approval.workflow';
import { fetchesToAccept } from '../../src-shared/domain/approval/result-fetch';
import { NO_DEADLINE, type Case } from '../../src-shared/domain/case/case.schema';
import type { CaseType } from '../../src-shared/domain/case/case-type';
import { addDays, dateOf, isoTimestampOf } from '../../src-shared/domain/calendar/iso-date';
import { courseDeliveryWorkflow, type CourseDeliveryCase, type CourseDeliveryEvent } from '../../src-shared/domain/course-delivery/course-delivery.workflow';
import { followUpWorkflow, type FollowUpCase, type FollowUpEvent } from '../../src-shared/domain/follow-up/follow-up.workflow';
import { admissionRoute } from '../../src-shared/domain/nomination/admission-mode';
import type { AdmissionSetup } from '../../src-shared/domain/nomination/nomination.schema';
import { nominationWorkflow, type NominationCase, type NominationEvent } from '../../src-shared/domain/nomination/nomination.workflow';
import { rankApplications } from '../../src-shared/domain/nomination/ranking';
import { recordRanking } from '../../src-shared/domain/nomination/ranking-record';
import { decisionOf, placementWorkflow, type PlacementCase, type PlacementEvent } from '../../src-shared/domain/placement/placement.workflow';
import { systemActor, type Workflow, type WorkflowCase, type WorkflowEvent } from '../../src-shared/domain/workflow/workflow';

/**
 * Pure builders for tests of the workflows, access rules and case-change checks: a scope, one
 * actor per role inside it, a first case of each type, and a payload for every event.
 */
export const SCOPE = {
  institution: 'hifj',
  department: 'helse',
  cohort: 'SYK-2024H',
  partner: 'partner-lindenhof',
  site: 'site-sentrum-sykehjem',
} as const;
export const SUBJECT_ID = 'person-1';

/** The student of the follow-up fixtures as the register holds her (a name with æøå, a test national ID). */
export const followUpStudent = (overrides: Partial<Person> = {}): Person => ({
  id: SUBJECT_ID,
  givenName: 'Åse',
  familyName: 'Ødegård',
  nationalId: '01536112185',
  email: 'ase@stud.hifj.example',
  institution: 'hifj',
  cohorts: [],
  updatedAt: '2026-09-01T08:00:00.000Z',
  ...overrides,
});
export const TEACHER_ID = 'teacher-1';

const T0 = Date.parse('2026-09-01T08:00:00.000Z');
const HOUR = 3_600_000;

/** A timestamp `hours` after the fixtures' starting point. */
export const after = (hours: number) => isoTimestampOf(T0 + hours * HOUR);

/** An actor holding `role` with the fixtures' scope (students and applicants are the subject person). */
export function actorFor(role: Role, overrides: Partial<Actor> = {}): Actor {
  const person = role === 'student' || role === 'applicant';
  return {
    userId: person ? SUBJECT_ID : role === 'teacher' ? TEACHER_ID : `${role}-1`,
    name: `${role} Nordmann`,
    roles: [role],
    scope: {
      institution: SCOPE.institution,
      departments: [SCOPE.department],
      cohorts: [SCOPE.cohort],
      partners: [SCOPE.partner, SCOPE.site],
    },
    ...overrides,
  };
}

function base(type: CaseType, status: string, cohort: string, createdBy: string, subject = SUBJECT_ID): Omit<Case, 'details'> {
  return {
    id: `${type}-case-1`,
    type,
    caseNumber: '2026/00001',
    title: `Testsak ${type}`,
    status,
    institution: SCOPE.institution,
    department: SCOPE.department,
    cohort,
    subjectPersonId: subject,
    assignees: [],
    deadlines: [],
    nextDeadline: NO_DEADLINE,
    createdAt: after(0),
    createdBy,
    updatedAt: after(0),
    updatedBy: createdBy,
  };
}

export function followUpStart(): FollowUpCase {
  return {
    ...base('followUp', 'reported', SCOPE.cohort, TEACHER_ID),
    status: 'reported',
    details: {
      reports: [
        {
          id: 'report-1',
          reportedBy: TEACHER_ID,
          reporterName: 'teacher Nordmann',
          reportedAt: after(0),
          course: { code: 'SYK1002', name: 'Sykepleiens faglige grunnlag' },
          concerns: ['courseworkNotPassed', 'missingParticipation'],
          description: 'Arbeidskrav 2 er ikke godkjent, og fraværet er over 20 prosent.',
          coursework: [{ title: 'Arbeidskrav 2', status: 'notApproved' }],
          absencePercent: 28,
        },
      ],
    },
  };
}

/**
 * Admission set-ups of the nomination fixtures: a new screening round for all applications that
 * then ranks (the default), and each pro forma mode with no documentation required.
 */
export const nominationSetups: Record<'screening' | 'studyRightAtOnce' | 'directOffer' | 'ranked', AdmissionSetup> = {
  screening: { proFormaMode: 'ranked', screening: 'all', requiredItems: [] },
  studyRightAtOnce: { proFormaMode: 'studyRightAtOnce', screening: 'deviationsOnly', requiredItems: [] },
  directOffer: { proFormaMode: 'directOffer', screening: 'deviationsOnly', requiredItems: [] },
  ranked: { proFormaMode: 'ranked', screening: 'deviationsOnly', requiredItems: [] },
};

export function nominationStart(setup: keyof typeof nominationSetups = 'screening'): NominationCase {
  const admission = nominationSetups[setup];
  return {
    ...base('nomination', 'nominated', SCOPE.partner, 'nominator-1'),
    status: 'nominated',
    details: {
      offer: { code: 'UTV-HEL-27V', name: 'Utveksling helse, vår 2027', kind: 'exchange', term: '2027V', agreementId: 'AVT-1' },
      partner: { id: SCOPE.partner, name: 'Hochschule Lindenhof' },
      admissionKind: admissionRoute(admission, { id: 'fixture' }).admissionKind,
      admission,
      nomination: { nominatedAt: after(0), nominatedBy: 'nominator-1', nominatorName: 'nominator Nordmann', channel: 'ewp' },
    },
  };
}

/**
 * A real ranking run over the case's choices with one rival ranked ahead of it everywhere: with two
 * places per offer (`reached`) the case is offered its first choice; with one the rival takes it
 * and the case is not reached.
 */
export function nominationRanking(c: NominationCase, at: string, reached = true) {
  const choices = (c.details.application?.choices ?? [c.details.offer]).map((choice) => choice.code);
  const result = rankApplications({
    config: { criteria: [{ kind: 'gradeAverage', weight: 1 }] },
    agreements: [{ id: c.details.offer.agreementId }],
    offers: choices.map((code) => ({ code, agreementId: c.details.offer.agreementId, capacity: reached ? 2 : 1, requirements: { isced: [], eqf: [] } })),
    applications: [
      { id: c.id, submittedAt: after(0), choices, gradeAverage: 70 },
      { id: 'rival-1', submittedAt: after(0), choices, gradeAverage: 90 },
    ],
  });
  if (!result.ok) throw new Error(result.error);
  return recordRanking(
    result.applications.find((application) => application.id === c.id)!,
    { id: 'ranking-run-1', at },
  );
}

/** The student's yes to result exchange, given in Studentweb before the case. */
const approvalConsent = {
  type: 'RESUTVEKSL' as const,
  answeredOn: dateOf(after(0)),
  answer: 'J' as const,
  recordedAt: after(0),
  recordedBy: SUBJECT_ID,
  source: 'studentweb' as const,
};

export function approvalStart(consent = true): ApprovalCase {
  return {
    ...base('approval', 'registered', SCOPE.cohort, 'caseOfficer-1'),
    status: 'registered',
    details: {
      application: { receivedAt: after(0), description: 'Søknad om godkjenning av emner.', requestedCredits: 30 },
      ...(consent ? { consent: approvalConsent } : {}),
      fetches: [],
      acceptedFetches: [],
      externalResults: [],
    },
  };
}

/** The placement site's users in the fixtures: its coordinator and two supervisors. */
export const SITE_COORDINATOR = { userId: 'siteCoordinator-1', name: 'Bjørg Sivertsen', email: 'bjorg.sivertsen@praksis.example' };
export const KARE_HOLM = { userId: 'siteSupervisor-1', name: 'Kåre Holm', email: 'kare.holm@praksis.example' };
export const LIV_AAS = { userId: 'siteSupervisor-2', name: 'Liv Ås', email: 'liv.aas@praksis.example' };

export function placementStart(): PlacementCase {
  return {
    ...base('placement', 'draft', SCOPE.site, 'placementAdmin-1', ''),
    assignees: ['placementAdmin-1', TEACHER_ID],
    status: 'draft',
    details: {
      activity: {
        courseCode: 'SYK2100',
        courseName: 'Praksisstudier i sykehjem',
        from: '2026-10-05',
        to: '2026-11-13',
        classes: ['A', 'B'],
        requirements: ['Studentene må kunne kommunisere på engelsk'],
      },
      site: { id: SCOPE.site, name: 'Sentrum sykehjem', unit: 'Langtidsavdelingen' },
      order: { requestedPlaces: 4 },
      supervisorChangeRequests: [],
      supervisorChangeDecisions: [],
    },
  };
}

export function courseDeliveryStart(): CourseDeliveryCase {
  return {
    ...base('courseDelivery', 'planned', '', 'departmentHead-1', ''),
    assignees: ['departmentHead-1', TEACHER_ID],
    status: 'planned',
    details: {
      course: {
        code: 'EVU-VEI-H26',
        name: 'Veiledning av studenter i praksis',
        credits: 10,
        sessions: 6,
        startDate: '2026-10-05',
        endDate: '2026-11-27',
        priceNok: 14_900,
      },
      teachingResource: { userId: TEACHER_ID, name: 'teacher Nordmann' },
      registration: { capacity: 20, deadline: '2026-09-28', fields: ['phone', 'employer', 'invoiceAddress'] },
    },
  };
}

/** Builds an event of `type` happening after the case's last change (plus `hours`). */
type EventBuilder<C extends WorkflowCase<string, unknown>, E extends WorkflowEvent> = (c: C) => E;
const later = (c: Case | WorkflowCase<string, unknown>, hours = 1) => isoTimestampOf(Date.parse(c.updatedAt) + hours * HOUR);

export const followUpEvents: { [K in FollowUpEvent['type']]: EventBuilder<FollowUpCase, Extract<FollowUpEvent, { type: K }>> } = {
  open: (c) => ({ type: 'open', at: later(c) }),
  merge: (c) => ({ type: 'merge', at: later(c), intoCaseId: 'followUp-case-0' }),
  summon: (c) => ({
    type: 'summon',
    at: later(c),
    meetingAt: later(c, 72),
    mode: 'inPerson',
    location: 'Rom A2-014',
    reason: 'Oppfølging av fravær og arbeidskrav i SYK1002.',
  }),
  recordNoShow: (c) => ({ type: 'recordNoShow', at: later(c, 73) }),
  holdConversation: (c) => ({ type: 'holdConversation', at: later(c, 73), participants: ['Kari Koordinator', 'Ola Student'], noteIds: ['note-1'] }),
  draftProtocol: (c) => ({ type: 'draftProtocol', at: later(c, 24), documentId: 'doc-protocol', summary: 'Enighet om tiltak.' }),
  signAsStudent: (c) => ({ type: 'signAsStudent', at: later(c), signerName: 'Ola Student', method: 'onScreen' }),
  signAsCoordinator: (c) => ({ type: 'signAsCoordinator', at: later(c) }),
  sendProtocol: (c) => ({ type: 'sendProtocol', at: later(c) }),
  callMeeting: (c) => ({
    type: 'callMeeting',
    at: later(c),
    meetingAt: later(c, 120),
    location: 'Møterom Fjellet',
    participantIds: ['rector-1', 'cohortCoordinator-1'],
  }),
  decide: (c) => ({
    type: 'decide',
    at: later(c, 121),
    outcome: 'continuationWithConditions',
    legalBasis: 'Forskrift om studier og eksamen § 4-3',
    facts: 'Høyt fravær og manglende arbeidskrav.',
    considerations: 'Studenten har vist vilje til å følge opp.',
    documentId: 'doc-decision',
  }),
  reviewWithRector: (c) => ({ type: 'reviewWithRector', at: later(c, 121), recommendsDecision: true, comment: 'Enig i at det fattes vedtak.' }),
  closeWithoutDecision: (c) => ({ type: 'closeWithoutDecision', at: later(c), reason: 'Ikke grunnlag for vedtak.' }),
  archiveDecision: (c) => ({ type: 'archiveDecision', at: later(c), reference: '2026/00001-4' }),
  sendDecision: (c) => ({ type: 'sendDecision', at: later(c) }),
  close: (c) => ({ type: 'close', at: later(c, 24 * 40) }),
};

export const nominationEvents: { [K in NominationEvent['type']]: EventBuilder<NominationCase, Extract<NominationEvent, { type: K }>> } = {
  savePersonalData: (c) => ({
    type: 'savePersonalData',
    at: later(c),
    personal: {
      givenName: 'Anna',
      familyName: 'Müller',
      birthDate: '2001-05-17',
      citizenship: 'DE',
      phone: '+49 30 1234567',
      address: { street: 'Hauptstraße 1', postalCode: '10115', city: 'Berlin', country: 'DE' },
      homeInstitution: 'Universität Lindenhof',
    },
  }),
  submitApplication: (c) => ({ type: 'submitApplication', at: later(c), choices: [{ code: 'UTV-HEL-27V', name: 'Utveksling helse' }] }),
  startReview: (c) => ({ type: 'startReview', at: later(c) }),
  assess: (c) => ({ type: 'assess', at: later(c), assessment: { gradeAverage: 82, committeeScore: 70, isced: '0913', eqf: 6 } }),
  requestDocumentation: (c) => ({ type: 'requestDocumentation', at: later(c), items: ['languageRequirement'] }),
  receiveDocumentation: (c) => ({ type: 'receiveDocumentation', at: later(c) }),
  qualify: (c) => ({ type: 'qualify', at: later(c) }),
  rank: (c) => ({ type: 'rank', at: later(c), ranking: nominationRanking(c, later(c)) }),
  makeOffer: (c) => ({ type: 'makeOffer', at: later(c), answerBy: addDays(dateOf(later(c)), 14) }),
  markNotReached: (c) => ({ type: 'markNotReached', at: later(c) }),
  grantStudyRight: (c) => ({ type: 'grantStudyRight', at: later(c) }),
  acceptOffer: (c) => ({ type: 'acceptOffer', at: later(c) }),
  declineOffer: (c) => ({ type: 'declineOffer', at: later(c) }),
  reject: (c) => ({ type: 'reject', at: later(c), reason: 'Oppfyller ikke språkkravet.' }),
  withdraw: (c) => ({ type: 'withdraw', at: later(c), reason: 'Valgt et annet lærested.' }),
};

/** The `rank` step with a result that leaves the case outside the places (a rival takes them). */
export const rankedNotReached = (c: NominationCase): Extract<NominationEvent, { type: 'rank' }> => ({
  type: 'rank',
  at: later(c),
  ranking: nominationRanking(c, later(c), false),
});

const HISF = { code: '216', name: 'HiSF' };
const HINT = { code: '214', name: 'HiNT' };
/** The seed's test results: RES-100 at 216 HiSF, RES-OAL at 214 HiNT. */
const fixtureResult = (institution: { code: string; name: string }, code: string, grade: string): ExternalResult => ({
  institutionCode: institution.code,
  institutionName: institution.name,
  category: 'course',
  code,
  nameNb: `Resultatutveksling ${code}`,
  nameEn: `Result exchange ${code}`,
  term: '2013H',
  credits: 10,
  grade,
});
const res100 = fixtureResult(HISF, 'RES-100', 'B');
const resOal = fixtureResult(HINT, 'RES-OAL', 'Bestått');
const latestFetchId = (c: ApprovalCase) => c.details.fetches.at(-1)?.id ?? 'fetch-1';

export const approvalEvents: { [K in ApprovalEvent['type']]: EventBuilder<ApprovalCase, Extract<ApprovalEvent, { type: K }>> } = {
  startProcessing: (c) => ({ type: 'startProcessing', at: later(c) }),
  requestConsent: (c) => ({ type: 'requestConsent', at: later(c) }),
  recordConsent: (c) => ({ type: 'recordConsent', at: later(c), answer: 'J' }),
  orderResultFetch: (c) => ({ type: 'orderResultFetch', at: later(c) }),
  startFetch: (c) => ({ type: 'startFetch', at: later(c), fetchId: latestFetchId(c), sources: [HISF, HINT] }),
  // While the fetch runs: HiSF imports RES-100 and HiNT is down; afterwards (the next day) HiNT's retry imports RES-OAL.
  recordSourceAnswers: (c) =>
    c.details.fetches.at(-1)?.answers.some((a) => a.outcome === 'sourceUnavailable')
      ? { type: 'recordSourceAnswers', at: later(c, 24), fetchId: latestFetchId(c), answers: [{ code: HINT.code, outcome: 'imported' }], results: [resOal] }
      : {
          type: 'recordSourceAnswers',
          at: later(c),
          fetchId: latestFetchId(c),
          answers: [
            { code: HISF.code, outcome: 'imported' },
            { code: HINT.code, outcome: 'sourceUnavailable', detail: 'Connection refused' },
          ],
          results: [res100],
        },
  completeFetch: (c) => ({ type: 'completeFetch', at: later(c), fetchId: latestFetchId(c) }),
  acceptFetchedResults: (c) => ({
    type: 'acceptFetchedResults',
    at: later(c),
    fetchId: fetchesToAccept(c.details.fetches, c.details.acceptedFetches)[0]?.id ?? latestFetchId(c),
  }),
  decide: (c) => ({
    type: 'decide',
    at: later(c),
    // Every accepted course approved (before any is accepted: RES-100, which the step refuses).
    courses: (c.details.externalResults.some((r) => r.category === 'course') ? c.details.externalResults : [res100])
      .filter((r) => r.category === 'course')
      .map((r) => ({ institutionCode: r.institutionCode, code: r.code, term: r.term, verdict: 'approved', credits: r.credits, grounds: 'Faglig likeverdig.' })),
    grounds: 'Universitets- og høyskoleloven § 3-5. Emnene er faglig likeverdige.',
  }),
  close: (c) => ({ type: 'close', at: later(c, 24 * 40) }),
  withdraw: (c) => ({ type: 'withdraw', at: later(c), reason: 'Trekker søknaden.' }),
};

export const placementEvents: { [K in PlacementEvent['type']]: EventBuilder<PlacementCase, Extract<PlacementEvent, { type: K }>> } = {
  sendOrder: (c) => ({ type: 'sendOrder', at: later(c) }),
  confirmCapacity: (c) => ({ type: 'confirmCapacity', at: later(c), places: 3 }),
  declineOrder: (c) => ({ type: 'declineOrder', at: later(c), reason: 'Ingen kapasitet.' }),
  assignStaff: (c) => ({
    type: 'assignStaff',
    at: later(c),
    staffing: [
      {
        className: 'A',
        coordinator: SITE_COORDINATOR,
        supervisors: [
          { ...KARE_HOLM, limit: 2 },
          { ...SITE_COORDINATOR, limit: 1 },
        ],
      },
      {
        className: 'B',
        coordinator: SITE_COORDINATOR,
        supervisors: [
          { ...KARE_HOLM, limit: 2 },
          { ...LIV_AAS, limit: 1 },
        ],
      },
    ],
  }),
  distributeStudents: (c) => ({
    type: 'distributeStudents',
    at: later(c),
    students: [
      { personId: SUBJECT_ID, name: 'Ola Student', className: 'A', supervisorId: KARE_HOLM.userId },
      { personId: 'person-2', name: 'Kari Student', className: 'B', supervisorId: LIV_AAS.userId },
    ],
  }),
  start: (c) => ({ type: 'start', at: '2026-10-05T07:00:00.000Z' > c.updatedAt ? '2026-10-05T07:00:00.000Z' : later(c) }),
  complete: (c) => ({ type: 'complete', at: '2026-11-13T14:00:00.000Z' > c.updatedAt ? '2026-11-13T14:00:00.000Z' : later(c) }),
  cancel: (c) => ({ type: 'cancel', at: later(c), reason: 'Emnet er flyttet.' }),
  // For the first student with no change waiting, the next supervisor of their class.
  requestSupervisorChange: (c) => {
    const { distribution, staffing, supervisorChangeRequests: requests } = c.details;
    const waiting = new Set(requests.filter((r) => !decisionOf(c.details, r.id)).map((r) => r.personId));
    const students = distribution?.students ?? [];
    const student = students.find((s) => !waiting.has(s.personId)) ?? students[0];
    const others = staffing?.find((s) => s.className === student?.className)?.supervisors.filter((v) => v.userId !== student?.supervisorId) ?? [];
    return {
      type: 'requestSupervisorChange',
      at: later(c),
      requestId: `change-${requests.length + 1}`,
      personId: student?.personId ?? SUBJECT_ID,
      toId: others[0]?.userId ?? KARE_HOLM.userId,
      reason: 'Veilederen er sykmeldt.',
    };
  },
  // The first request still waiting, approved.
  decideSupervisorChange: (c) => {
    const waiting = c.details.supervisorChangeRequests.find((r) => !decisionOf(c.details, r.id));
    return { type: 'decideSupervisorChange', at: later(c), requestId: waiting?.id ?? 'change-1', approved: true, comment: '' };
  },
};

export const courseDeliveryEvents: {
  [K in CourseDeliveryEvent['type']]: EventBuilder<CourseDeliveryCase, Extract<CourseDeliveryEvent, { type: K }>>;
} = {
  sendContract: (c) => ({ type: 'sendContract', at: later(c), documentId: 'doc-contract' }),
  signContract: (c) => ({ type: 'signContract', at: later(c) }),
  archiveContract: (c) => ({ type: 'archiveContract', at: later(c) }),
  publish: (c) => ({ type: 'publish', at: later(c), url: 'https://www.hifj.example/evu/vei', registrationUrl: 'https://www.hifj.example/evu/vei/pamelding' }),
  prepareLms: (c) => ({ type: 'prepareLms', at: later(c), canvasCourseId: '12345', videoRoomUrl: 'https://hifj.example/zoom/1' }),
  // Another course id each time, so the step always changes something.
  lmsCourseCreated: (c) => ({ type: 'lmsCourseCreated', at: later(c), canvasCourseId: String(Number(c.details.lms?.canvasCourseId ?? '12344') + 1) }),
  enrol: (c) => ({ type: 'enrol', at: later(c), participants: 20 }),
  sendEvaluation: (c) => ({ type: 'sendEvaluation', at: later(c), link: 'https://nettskjema.no/a/evu-vei' }),
  requestLmsGrades: (c) => ({ type: 'requestLmsGrades', at: later(c) }),
  // As many passed and failed as the grade fixture reports.
  recordLmsResults: (c) => ({
    type: 'recordLmsResults',
    at: later(c),
    entries: Array.from({ length: 20 }, (_, i) => ({ email: `deltaker${i + 1}@example.com`, name: `Deltaker ${i + 1}`, result: i < 18 ? 'passed' : 'failed' })),
  }),
  start: (c) => ({ type: 'start', at: '2026-10-05T08:00:00.000Z' > c.updatedAt ? '2026-10-05T08:00:00.000Z' : later(c) }),
  evaluate: (c) => ({ type: 'evaluate', at: later(c, 24 * 40), responseRate: 60, findings: 'Godt fornøyde deltakere.' }),
  grade: (c) => ({ type: 'grade', at: later(c, 24 * 20), submissionDeadline: '2026-12-11', passed: 18, failed: 2 }),
  issueCertificates: (c) => ({ type: 'issueCertificates', at: later(c) }),
  close: (c) => ({ type: 'close', at: later(c) }),
  cancel: (c) => ({ type: 'cancel', at: later(c), reason: 'For få påmeldte.' }),
  // Each registration with its own address, so the happy path may register several.
  registerParticipant: (c) => {
    const n = (c.details.participants?.length ?? 0) + 1;
    return {
      type: 'registerParticipant',
      at: later(c),
      participantId: `participant-${n}`,
      registration: { ...REGISTRATION, email: `deltaker${n}@example.com` },
    };
  },
};

/** A participant's registration on the course page, with every field the fixture course asks for. */
export const REGISTRATION = {
  name: 'Åse Ødegård',
  birthDate: '1980-04-02',
  email: 'deltaker1@example.com',
  phone: '+47 912 34 567',
  employer: 'Fjordheim kommune',
  invoiceAddress: { name: 'Fjordheim kommune', organisationNumber: '964338531', address: 'Postboks 1, 6800 Førde', reference: 'EVU-2026' },
};

/** A plain edit recorded by `actor` an hour after the last change. */
export function edited<C extends WorkflowCase<string, unknown>>(c: C, actor: Actor, change: Partial<C>): C {
  return { ...c, ...change, updatedAt: later(c), updatedBy: actor.userId };
}

/** A step of `walk`: an event built from the case and taken by an actor with the role, or a plain edit. */
/** Who takes a step in a walk: a person in a role, or the server itself (a server-only step). */
export type Acting = Role | 'system';
export const actorOf = (acting: Acting): Actor => (acting === 'system' ? systemActor : actorFor(acting));

export type WalkStep<C, E extends WorkflowEvent> = readonly [Acting, (c: C) => E] | ((c: C) => C);

/**
 * Applies the events in order, each by an actor with the given role, and returns every state
 * (the start first). Throws with the reason when a step is refused: fixtures must be legal.
 */
export function walk<S extends string, D, E extends WorkflowEvent, C extends WorkflowCase<S, D>>(
  workflow: Workflow<S, D, E>,
  start: C,
  steps: readonly WalkStep<C, E>[],
): C[] {
  const states: C[] = [start];
  for (const step of steps) {
    const current = states[states.length - 1]!;
    if (typeof step === 'function') {
      states.push(step(current));
      continue;
    }
    const [role, build] = step;
    const result = workflow.transition(current, build(current), actorOf(role));
    if (!result.ok) throw new Error(`${workflow.type} fixture step by ${role} refused: ${result.reason}: ${result.message}`);
    states.push(result.state as C);
  }
  return states;
}

export const workflowsUnderTest = {
  followUp: followUpWorkflow,
  nomination: nominationWorkflow,
  approval: approvalWorkflow,
  placement: placementWorkflow,
  courseDelivery: courseDeliveryWorkflow,
} as const;

/** Per case type: its workflow, the first case it starts from and a builder for each of its events. */
export const caseFixtures = {
  followUp: { workflow: followUpWorkflow, start: followUpStart, events: followUpEvents },
  nomination: { workflow: nominationWorkflow, start: nominationStart, events: nominationEvents },
  approval: { workflow: approvalWorkflow, start: approvalStart, events: approvalEvents },
  placement: { workflow: placementWorkflow, start: placementStart, events: placementEvents },
  courseDelivery: { workflow: courseDeliveryWorkflow, start: courseDeliveryStart, events: courseDeliveryEvents },
} as const;

/** A teacher other than TEACHER_ID, for entries the fixtures' teacher does not own. */
export const OTHER_TEACHER_ID = 'teacher-2';

const t = after(1);
const signed = { signedAt: t, signerName: 'Ola Student', method: 'onScreen' as const };

/**
 * Every part of the access table filled with a sample value that fits the case type's details
 * schema (for tests of what each role receives). `reports` holds one report by TEACHER_ID and one
 * by OTHER_TEACHER_ID, so "own entries only" can be told from "all".
 */
const everyDetail: { [K in CaseType]: Record<string, unknown> } = {
  followUp: {
    reports: [
      followUpStart().details.reports[0],
      {
        ...followUpStart().details.reports[0],
        id: 'report-2',
        reportedBy: OTHER_TEACHER_ID,
        reporterName: 'Annen Lærer',
        description: 'Bekymring fra en annen lærer.',
      },
    ],
    summons: { meetingAt: after(72), mode: 'inPerson', location: 'Rom A2-014', reason: 'Oppfølging av fravær.', sentAt: t },
    conversation: { heldAt: t, studentAttended: true, participants: ['Kari Koordinator'], noteIds: ['note-1'] },
    protocol: { draftedAt: t, documentId: 'doc-protocol', summary: 'Enighet om tiltak.', studentSignature: signed, coordinatorSignature: signed, sentAt: t },
    meeting: { calledAt: t, at: after(120), location: 'Møterom Fjellet', participantIds: ['rector-1'] },
    rectorReview: { reviewedAt: t, rectorId: 'rector-1', recommendsDecision: true, comment: 'Enig.' },
    decision: {
      decidedAt: t,
      decidedBy: ['departmentHead-1'],
      outcome: 'continuationWithConditions',
      legalBasis: 'Forskrift om studier og eksamen § 4-3',
      facts: 'Høyt fravær.',
      considerations: 'Vilje til å følge opp.',
      documentId: 'doc-decision',
    },
    archive: { archivedAt: t, reference: '2026/00001-4' },
    decisionDelivery: { sentAt: t, receivedOn: '2026-09-03', appealDeadline: '2026-09-24' },
    closure: { closedAt: t, outcome: 'decisionSent', reason: '' },
    mergedInto: 'followUp-case-0',
  },
  nomination: {
    ...nominationStart().details,
    personalData: {
      givenName: 'Anna',
      familyName: 'Müller',
      birthDate: '2001-05-17',
      citizenship: 'DE',
      phone: '+49 30 1234567',
      address: { street: 'Hauptstraße 1', postalCode: '10115', city: 'Berlin', country: 'DE' },
      homeInstitution: 'Universität Lindenhof',
      savedAt: t,
    },
    application: { submittedAt: t, choices: [{ code: 'UTV-HEL-27V', name: 'Utveksling helse' }] },
    qualification: { requestedAt: t, items: [{ kind: 'languageRequirement', status: 'received' }] },
    review: { startedAt: t, reviewerId: 'caseOfficer-1' },
    assessment: { gradeAverage: 82, motivationScore: 60, assessedAt: t, assessedBy: 'caseOfficer-1' },
    ranking: nominationRanking(nominationStart(), t),
    offerMade: { offeredAt: t, answerBy: '2026-09-15', offer: { code: 'UTV-HEL-27V', name: 'Utveksling helse' } },
    outcome: { decidedAt: t, result: 'admitted', reason: '' },
  },
  approval: {
    ...approvalStart().details,
    consentRequestedAt: t,
    fetches: [
      {
        id: 'fetch-1',
        orderedAt: t,
        orderedBy: 'caseOfficer-1',
        startedAt: t,
        sources: [HISF],
        answers: [{ ...HISF, outcome: 'imported', resultCount: 1, answeredAt: t }],
        results: [res100],
        completedAt: t,
      },
    ],
    acceptedFetches: [{ fetchId: 'fetch-1', acceptedAt: t, acceptedBy: 'caseOfficer-1' }],
    externalResults: [res100],
    decision: {
      decidedAt: t,
      outcome: 'approved',
      approvedCredits: 10,
      grounds: 'Faglig likeverdig.',
      courses: [{ institutionCode: HISF.code, code: 'RES-100', term: '2013H', verdict: 'approved', credits: 10, grounds: 'Faglig likeverdig.' }],
    },
    decisionDelivery: { sentAt: t, receivedOn: '2026-09-03', appealDeadline: '2026-09-24' },
    closedAt: t,
    withdrawal: { withdrawnAt: t, reason: 'Trekker søknaden.' },
  },
  placement: {
    ...placementStart().details,
    order: { requestedPlaces: 4, sentAt: t },
    capacity: { places: 3, confirmedAt: t, confirmedBy: 'siteCoordinator-1' },
    staffing: [
      {
        className: 'A',
        coordinator: SITE_COORDINATOR,
        supervisors: [
          { ...KARE_HOLM, limit: 2 },
          { ...LIV_AAS, limit: 2 },
        ],
      },
    ],
    distribution: { sharedAt: t, students: [{ personId: SUBJECT_ID, name: 'Ola Student', className: 'A', supervisorId: KARE_HOLM.userId }] },
    supervisorChangeRequests: [
      {
        id: 'change-1',
        personId: SUBJECT_ID,
        fromId: KARE_HOLM.userId,
        toId: LIV_AAS.userId,
        reason: 'Sykmelding.',
        requestedBy: 'siteCoordinator-1',
        requestedAt: t,
      },
    ],
    supervisorChangeDecisions: [{ requestId: 'change-1', approved: true, by: 'placementAdmin-1', at: t, comment: '' }],
    startedAt: t,
    completedAt: t,
    declined: { declinedAt: t, reason: 'Ingen kapasitet.' },
    cancelled: { cancelledAt: t, reason: 'Emnet er flyttet.' },
  },
  courseDelivery: {
    ...courseDeliveryStart().details,
    contract: { sentAt: t, documentId: 'doc-contract', signedAt: t, archivedAt: t, archiveReference: '2026/00001-1' },
    teacherInvoice: { receivedAt: t, approvedAt: t },
    landingPage: { publishedAt: t, url: 'https://www.hifj.example/evu/vei', registrationUrl: 'https://www.hifj.example/evu/vei/p', sessionPlanPublished: true },
    lms: { readyAt: t, canvasCourseId: '12345', videoRoomUrl: 'https://hifj.example/zoom/1', teacherAdded: true },
    applications: { handledAt: t, admitted: 20, waitlisted: 2 },
    enrolment: { enrolledAt: t, participants: 20, welcomeLettersSentAt: t, invoicedAt: t },
    startedAt: t,
    evaluationInvite: { sentAt: t, link: 'https://nettskjema.no/a/evu-vei' },
    gradesRequest: { requestedAt: t, requestedBy: 'operationsConsultant-1' },
    results: { source: 'lms', recordedAt: t, recordedBy: 'system', entries: [{ email: REGISTRATION.email, name: REGISTRATION.name, result: 'passed' }] },
    evaluation: { sentAt: t, analysedAt: t, responseRate: 60, findings: 'Godt fornøyde deltakere.' },
    grading: { submissionDeadline: '2026-12-11', gradedAt: t, passed: 18, failed: 2 },
    certificateText: { writtenAt: t, text: 'Kursbevis for veiledning.' },
    certificates: { issuedAt: t, count: 18 },
    closedAt: t,
    checklist: { informOperations: { state: 'done', changedAt: t, changedBy: 'departmentHead-1' } },
    participants: [{ ...REGISTRATION, id: 'participant-1', registeredAt: t, status: 'admitted', decision: { at: t, by: 'departmentHead-1' } }],
    messages: { welcome: { subject: 'Velkommen til {kurs}', body: 'Hei {navn}!' }, changedAt: t, changedBy: 'departmentHead-1' },
    cancellation: { cancelledAt: t, reason: 'For få påmeldte.' },
  },
};

/** A status of each case type in which every role of the type sees the fixtures' case. */
const seenByAll: Record<CaseType, string> = {
  followUp: 'decisionSent',
  nomination: 'offered',
  approval: 'decided',
  placement: 'inProgress',
  courseDelivery: 'inProgress',
};

/** A case of `type` with every part of its details filled, seen by every role that works on the type. */
export function caseWithEveryPart(type: CaseType): Case {
  return { ...(caseFixtures[type].start() as Case), status: seenByAll[type], details: JSON.parse(JSON.stringify(everyDetail[type])) as Case['details'] };
}
