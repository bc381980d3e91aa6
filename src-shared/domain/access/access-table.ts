import type { CaseType } from '../case/case-type';
import type { Role } from './roles';

/**
 * Need to know, as one table: per case type, per part of a case, what each role that works on
 * that case type may do with it. Which cases a role sees at all (its scope: institution,
 * department, cohort, partner, own cases) is decided by the rules in access.ts; this table decides
 * which parts of those cases it receives and may change by a plain edit.
 *
 *   -  not sent to the role, not changed by it
 *   r  read
 *   w  read, and change by a plain edit (when the role may edit the case now, see access.ts)
 *   o  own entries only: read (and, where the role may edit the case, change) only the entries
 *      the role's user owns (see `ownerField`)
 *
 * Workflow steps write what each step declares (`sets` in the workflow), whatever this table says:
 * a signed protocol or a decision is written by its step and by nothing else.
 *
 * Parts: `case` is the case's own fields (title, status, scope, assignees, deadlines: the fact
 * that the case exists and where it stands); every other row of the details is one key of the
 * case type's `details`; then the records that belong to the case: notes kept internal, notes
 * shared with the external party, documents, tasks; and `nationalId`, the national ID of the
 * person the case is about.
 */
export type Access = '-' | 'r' | 'w' | 'o';

export const recordParts = ['internalNotes', 'sharedNotes', 'documents', 'tasks', 'nationalId'] as const;
export type RecordPart = (typeof recordParts)[number];

interface CaseTypeTable<R extends readonly Role[]> {
  /** The roles that work on this case type: one column each. */
  roles: R;
  /** One row per part, one letter per role in `roles` order. */
  parts: Record<string, { [K in keyof R]: Access }>;
}

const table = <const R extends readonly Role[]>(t: CaseTypeTable<R>): CaseTypeTable<R> => t;

export const accessTable = {
  followUp: table({
    roles: ['teacher', 'cohortCoordinator', 'departmentHead', 'rector', 'student'],
    parts: {
      // A teacher sees that the case exists and where it stands, and their own reports.
      case: ['r', 'w', 'w', 'r', 'r'],
      reports: ['o', 'w', 'r', 'r', '-'],
      summons: ['-', 'w', 'r', 'r', 'r'],
      conversation: ['-', 'r', 'r', 'r', 'r'],
      protocol: ['-', 'r', 'r', 'r', 'r'],
      meeting: ['-', 'r', 'r', 'r', '-'],
      rectorReview: ['-', 'r', 'r', 'r', '-'],
      decision: ['-', 'r', 'r', 'r', 'r'],
      archive: ['-', 'r', 'r', 'r', '-'],
      decisionDelivery: ['-', 'r', 'r', 'r', 'r'],
      closure: ['-', 'r', 'r', 'r', 'r'],
      mergedInto: ['r', 'r', 'r', 'r', '-'],
      internalNotes: ['-', 'w', 'w', 'r', '-'],
      sharedNotes: ['-', 'w', 'w', 'r', 'r'],
      documents: ['-', 'w', 'w', 'r', 'r'],
      tasks: ['o', 'w', 'w', 'o', 'o'],
      nationalId: ['-', 'r', 'r', 'r', '-'],
    },
  }),
  nomination: table({
    roles: ['departmentHead', 'caseOfficer', 'nominator', 'applicant'],
    parts: {
      case: ['r', 'w', 'r', 'r'],
      offer: ['r', 'w', 'w', 'r'],
      partner: ['r', 'w', 'r', 'r'],
      admissionKind: ['r', 'w', 'r', 'r'],
      admission: ['r', 'r', 'r', 'r'],
      nomination: ['r', 'r', 'r', 'r'],
      // The applicant's phone and address are for the institution, not for the partner.
      personalData: ['r', 'r', '-', 'r'],
      application: ['r', 'r', 'r', 'r'],
      qualification: ['r', 'w', 'r', 'r'],
      review: ['r', 'w', '-', '-'],
      assessment: ['r', 'r', '-', '-'],
      ranking: ['r', 'r', '-', '-'],
      offerMade: ['r', 'r', 'r', 'r'],
      outcome: ['r', 'r', 'r', 'r'],
      internalNotes: ['r', 'w', '-', '-'],
      sharedNotes: ['r', 'w', 'r', 'r'],
      documents: ['r', 'w', 'r', 'r'],
      tasks: ['r', 'w', 'o', 'o'],
      nationalId: ['r', 'r', '-', '-'],
    },
  }),
  approval: table({
    roles: ['departmentHead', 'caseOfficer', 'student'],
    parts: {
      case: ['r', 'w', 'r'],
      application: ['r', 'w', 'r'],
      consent: ['r', 'r', 'r'],
      consentRequestedAt: ['r', 'r', 'r'],
      fetches: ['r', 'r', '-'],
      acceptedFetches: ['r', 'r', '-'],
      externalResults: ['r', 'r', 'r'],
      decision: ['r', 'r', 'r'],
      decisionDelivery: ['r', 'r', 'r'],
      closedAt: ['r', 'r', 'r'],
      withdrawal: ['r', 'r', 'r'],
      internalNotes: ['r', 'w', '-'],
      sharedNotes: ['r', 'w', 'r'],
      documents: ['r', 'w', 'r'],
      tasks: ['r', 'w', 'o'],
      nationalId: ['r', 'r', '-'],
    },
  }),
  placement: table({
    roles: ['teacher', 'departmentHead', 'placementAdmin', 'siteCoordinator', 'siteSupervisor'],
    parts: {
      case: ['r', 'r', 'w', 'r', 'r'],
      activity: ['r', 'r', 'w', 'r', 'r'],
      site: ['r', 'r', 'w', 'r', 'r'],
      order: ['r', 'r', 'r', 'r', '-'],
      capacity: ['r', 'r', 'r', 'r', 'r'],
      staffing: ['r', 'r', 'w', 'w', 'r'],
      distribution: ['r', 'r', 'w', 'r', 'r'],
      // Each written only by its step: the site asks for another supervisor, the institution decides.
      supervisorChangeRequests: ['r', 'r', 'r', 'r', 'r'],
      supervisorChangeDecisions: ['r', 'r', 'r', 'r', 'r'],
      startedAt: ['r', 'r', 'r', 'r', 'r'],
      completedAt: ['r', 'r', 'r', 'r', 'r'],
      declined: ['-', 'r', 'r', 'r', '-'],
      cancelled: ['r', 'r', 'r', 'r', 'r'],
      internalNotes: ['-', 'r', 'w', '-', '-'],
      sharedNotes: ['r', 'r', 'w', 'w', 'r'],
      documents: ['r', 'r', 'w', 'r', 'r'],
      tasks: ['o', 'r', 'w', 'o', 'o'],
      nationalId: ['-', 'r', 'r', '-', '-'],
    },
  }),
  courseDelivery: table({
    roles: ['teacher', 'departmentHead', 'operationsConsultant'],
    parts: {
      case: ['r', 'w', 'w'],
      course: ['r', 'w', 'w'],
      teachingResource: ['r', 'w', 'w'],
      contract: ['r', 'r', 'r'],
      teacherInvoice: ['r', 'w', 'w'],
      landingPage: ['r', 'w', 'w'],
      lms: ['r', 'r', 'r'],
      applications: ['-', 'w', 'w'],
      enrolment: ['r', 'r', 'r'],
      startedAt: ['r', 'r', 'r'],
      evaluationInvite: ['r', 'r', 'r'],
      gradesRequest: ['r', 'r', 'r'],
      // The teaching resource's uploaded list (the workflow narrows it to the course's own); the LMS's grades by the server.
      results: ['w', 'r', 'r'],
      evaluation: ['r', 'r', 'r'],
      grading: ['r', 'r', 'r'],
      certificateText: ['r', 'w', 'w'],
      certificates: ['r', 'r', 'r'],
      closedAt: ['r', 'r', 'r'],
      // Narrowed per step by the workflow: each step only by its owner, the teaching resource only on their own course.
      checklist: ['w', 'w', 'w'],
      registration: ['r', 'w', 'w'],
      // Who registered, with birth date and invoice address: the head decides, the consultant enrols and invoices.
      participants: ['-', 'w', 'r'],
      messages: ['r', 'w', 'r'],
      cancellation: ['r', 'r', 'r'],
      internalNotes: ['-', 'w', 'w'],
      sharedNotes: ['r', 'w', 'w'],
      documents: ['r', 'w', 'w'],
      tasks: ['o', 'w', 'w'],
      nationalId: ['-', 'r', 'r'],
    },
  }),
} as const satisfies Record<CaseType, CaseTypeTable<readonly Role[]>>;

/** Which field of an entry names its owner, for parts with `o` (a list of entries, or a record). */
export const ownerField: Partial<Record<string, string>> = {
  reports: 'reportedBy',
  tasks: 'assigneeId',
};

/** What `role` may do with `part` of a case of `type` ('-' when the role does not work on it). */
export function partAccess(type: CaseType, role: Role, part: string): Access {
  const t = accessTable[type] as CaseTypeTable<readonly Role[]>;
  const column = t.roles.indexOf(role);
  const row = t.parts[part];
  return column < 0 || !row ? '-' : row[column]!;
}

/** The parts of a case type, in table order (`case`, its details keys, then the record parts). */
export function partsOf(type: CaseType): string[] {
  return Object.keys(accessTable[type].parts);
}

export const canReadPart = (access: Access): boolean => access !== '-';
export const canWritePart = (access: Access): boolean => access === 'w' || access === 'o';

/**
 * The register of people (students, applicants), per role:
 * - `people`: which people of the institution's register the role receives: `all`, only those in
 *   the user's own cohorts and courses (`cohorts`), or none (`-`: an external party sees a person
 *   only through a case about them it may see);
 * - `nationalId`: whether national IDs are sent to the role (never to an external party);
 * - `write`: `-` nothing; `create` register new people and correct names of people it registered
 *   or may see; `all` also change e-mail addresses and national IDs of existing people (letters go
 *   to the registered address, so this is for authorised staff only, and every change is audited).
 */
export interface RegisterAccess {
  people: 'all' | 'cohorts' | '-';
  nationalId: boolean;
  write: '-' | 'create' | 'all';
}

export const registerTable: Record<Role, RegisterAccess> = {
  teacher: { people: 'cohorts', nationalId: false, write: '-' },
  cohortCoordinator: { people: 'all', nationalId: true, write: 'create' },
  departmentHead: { people: 'all', nationalId: true, write: '-' },
  rector: { people: 'all', nationalId: true, write: '-' },
  operationsConsultant: { people: 'all', nationalId: true, write: 'create' },
  caseOfficer: { people: 'all', nationalId: true, write: 'all' },
  placementAdmin: { people: 'all', nationalId: true, write: 'create' },
  nominator: { people: '-', nationalId: false, write: '-' },
  siteCoordinator: { people: '-', nationalId: false, write: '-' },
  siteSupervisor: { people: '-', nationalId: false, write: '-' },
  student: { people: '-', nationalId: false, write: '-' },
  applicant: { people: '-', nationalId: false, write: '-' },
};

/**
 * Education offers (the `offers` collection: an offer with its admission set-up), per role:
 * - `read`: the offers of the role's institution (`institution`), only those of the partners it
 *   acts for (`partner`: a nominator reads its own partner's offers, nothing of another's), or none;
 * - `write`: create and change the institution's offers (`institution`), those its departments
 *   run (`department`), or none.
 */
export interface OfferAccess {
  read: 'institution' | 'partner' | '-';
  write: 'institution' | 'department' | '-';
}

export const offerTable: Record<Role, OfferAccess> = {
  teacher: { read: 'institution', write: '-' },
  cohortCoordinator: { read: 'institution', write: '-' },
  departmentHead: { read: 'institution', write: 'department' },
  rector: { read: 'institution', write: '-' },
  operationsConsultant: { read: 'institution', write: '-' },
  caseOfficer: { read: 'institution', write: 'institution' },
  nominator: { read: 'partner', write: '-' },
  placementAdmin: { read: 'institution', write: '-' },
  siteCoordinator: { read: '-', write: '-' },
  siteSupervisor: { read: '-', write: '-' },
  student: { read: '-', write: '-' },
  applicant: { read: '-', write: '-' },
};

/**
 * Placement activities (the `activities` collection: classes, teachers, requirements, the students
 * to place with their wishes and home municipality, the distribution being worked on), per role:
 * - `read`: the institution's (`institution`), those of the role's departments (`department`), or none;
 * - `write`: create and change them (`institution`), or none. Sites and students never receive one:
 *   a site sees its orders, a student is e-mailed their place.
 */
export interface ActivityAccess {
  read: 'institution' | 'department' | '-';
  write: 'institution' | '-';
}

export const activityTable: Record<Role, ActivityAccess> = {
  teacher: { read: '-', write: '-' },
  cohortCoordinator: { read: '-', write: '-' },
  departmentHead: { read: 'department', write: '-' },
  rector: { read: '-', write: '-' },
  operationsConsultant: { read: '-', write: '-' },
  caseOfficer: { read: '-', write: '-' },
  nominator: { read: '-', write: '-' },
  placementAdmin: { read: 'institution', write: 'institution' },
  siteCoordinator: { read: '-', write: '-' },
  siteSupervisor: { read: '-', write: '-' },
  student: { read: '-', write: '-' },
  applicant: { read: '-', write: '-' },
};
