import type { Case } from '../case/case.schema';
import { caseTypes, type CaseType } from '../case/case-type';
import { approvalTerminalStatuses } from '../approval/approval.schema';
import { courseDeliveryTerminalStatuses } from '../course-delivery/course-delivery.schema';
import { followUpInternalStatuses, followUpTerminalStatuses } from '../follow-up/follow-up.schema';
import { nominationTerminalStatuses } from '../nomination/nomination.schema';
import { placementTerminalStatuses } from '../placement/placement.schema';
import { externalRoles, roles, type Actor, type Role } from './roles';

/**
 * Access rules: who may see, edit and create which cases. Pure; the server runs them for every
 * pull (scope) and push, the app to show or hide actions.
 *
 * Scope fields on a case: `institution`, `department`, and `cohort`, which holds the cohort for
 * follow-up cases and the partner id for nominations (nominating partner) and placements
 * (placement site). Students and applicants act as themselves: their `userId` is the case's
 * `subjectPersonId`. Anyone named in `assignees` or who created a case is "involved" in it.
 */
type CaseScope = Pick<Case, 'type' | 'status' | 'institution' | 'department' | 'cohort' | 'subjectPersonId' | 'assignees' | 'createdBy'>;

type Rule = (actor: Actor, c: CaseScope) => boolean;
interface RoleRules {
  see: Rule;
  edit: Rule;
  create: Rule;
}

const never: Rule = () => false;
const institutionOf: Rule = (actor, c) => c.institution === actor.scope.institution;
const inDepartment: Rule = (actor, c) => institutionOf(actor, c) && actor.scope.departments.includes(c.department);
const inCohort: Rule = (actor, c) => institutionOf(actor, c) && actor.scope.cohorts.includes(c.cohort);
const forPartner: Rule = (actor, c) => institutionOf(actor, c) && actor.scope.partners.includes(c.cohort);
const involved: Rule = (actor, c) => institutionOf(actor, c) && (c.createdBy === actor.userId || c.assignees.includes(actor.userId));
const isSubject: Rule = (actor, c) => institutionOf(actor, c) && c.subjectPersonId !== '' && c.subjectPersonId === actor.userId;

const statusIn =
  (statuses: readonly string[], rule: Rule): Rule =>
  (actor, c) =>
    statuses.includes(c.status) && rule(actor, c);
const statusNotIn =
  (statuses: readonly string[], rule: Rule): Rule =>
  (actor, c) =>
    !statuses.includes(c.status) && rule(actor, c);

/** Per role, per case type. A missing case type means no access at all. */
const rules: Record<Role, Partial<Record<CaseType, RoleRules>>> = {
  teacher: {
    // Teachers report concerns (a new follow-up case in their cohort) and see only their own
    // reports; the conversation, protocol and decision are not theirs to read.
    followUp: {
      see: involved,
      edit: statusIn(['reported'], (actor, c) => institutionOf(actor, c) && c.createdBy === actor.userId),
      create: inCohort,
    },
    // The teaching resource of a course, and the institution's teacher on a placement.
    courseDelivery: { see: involved, edit: involved, create: never }, // their own checklist steps only (the table and the workflow narrow it)
    placement: { see: involved, edit: never, create: never },
  },
  cohortCoordinator: {
    followUp: { see: inCohort, edit: inCohort, create: inCohort },
  },
  departmentHead: {
    followUp: { see: inDepartment, edit: inDepartment, create: never },
    courseDelivery: { see: inDepartment, edit: inDepartment, create: inDepartment },
    nomination: { see: inDepartment, edit: never, create: never },
    approval: { see: inDepartment, edit: never, create: never },
    placement: { see: inDepartment, edit: never, create: never },
  },
  rector: {
    // Takes part in decisions on student status across the institution; acts through transitions.
    followUp: { see: institutionOf, edit: never, create: never },
  },
  operationsConsultant: {
    courseDelivery: { see: institutionOf, edit: institutionOf, create: never },
  },
  caseOfficer: {
    nomination: { see: institutionOf, edit: institutionOf, create: institutionOf },
    approval: { see: institutionOf, edit: institutionOf, create: institutionOf },
  },
  nominator: {
    // Only their own partner's nominations; editable until the applicant has submitted.
    nomination: { see: forPartner, edit: statusIn(['nominated'], forPartner), create: forPartner },
  },
  placementAdmin: {
    placement: { see: institutionOf, edit: institutionOf, create: institutionOf },
  },
  siteCoordinator: {
    // A site sees an order once it has been sent, and keeps its staffing up to date.
    placement: {
      see: statusNotIn(['draft'], forPartner),
      edit: statusIn(['ordered', 'capacityConfirmed', 'staffed', 'studentsDistributed', 'inProgress'], forPartner),
      create: never,
    },
  },
  siteSupervisor: {
    // Supervisors see the students distributed to their site.
    placement: { see: statusIn(['studentsDistributed', 'inProgress', 'completed'], forPartner), edit: never, create: never },
  },
  student: {
    // A student sees their follow-up case from the summons on, and their approval cases.
    followUp: { see: statusNotIn(followUpInternalStatuses, isSubject), edit: never, create: never },
    approval: { see: isSubject, edit: never, create: never },
  },
  applicant: {
    nomination: { see: isSubject, edit: never, create: never },
  },
};

const terminalStatuses: Record<CaseType, readonly string[]> = {
  followUp: followUpTerminalStatuses,
  nomination: nominationTerminalStatuses,
  approval: approvalTerminalStatuses,
  placement: placementTerminalStatuses,
  courseDelivery: courseDeliveryTerminalStatuses,
};

export function isTerminalStatus(type: CaseType, status: string): boolean {
  return terminalStatuses[type].includes(status);
}

/** Whether `role` (which the actor must hold) lets the actor see the case. */
export function roleCanSee(role: Role, actor: Actor, c: CaseScope): boolean {
  return actor.roles.includes(role) && (rules[role][c.type]?.see(actor, c) ?? false);
}

export function roleCanEdit(role: Role, actor: Actor, c: CaseScope): boolean {
  return !isTerminalStatus(c.type, c.status) && roleCanSee(role, actor, c) && (rules[role][c.type]?.edit(actor, c) ?? false);
}

/**
 * May record what the case's services did to its records (signatures, archiving): like editing,
 * but also once the case is closed, since archiving a decision outlives the case.
 */
export function roleKeepsRecords(role: Role, actor: Actor, c: CaseScope): boolean {
  return roleCanSee(role, actor, c) && (rules[role][c.type]?.edit(actor, c) ?? false);
}

export function roleCanCreate(role: Role, actor: Actor, c: CaseScope): boolean {
  return actor.roles.includes(role) && (rules[role][c.type]?.create(actor, c) ?? false);
}

export function canSeeCase(actor: Actor, c: CaseScope): boolean {
  return actor.roles.some((role) => roleCanSee(role, actor, c));
}

/** May change the case's fields other than its status (closed cases are read-only). */
export function canEditCase(actor: Actor, c: CaseScope): boolean {
  return actor.roles.some((role) => roleCanEdit(role, actor, c));
}

/** May create this case (its scope fields decide where). The initial status is the workflow's concern. */
export function canCreateCase(actor: Actor, c: CaseScope): boolean {
  return actor.roles.some((role) => roleCanCreate(role, actor, c));
}

/** Which case types each role works on (sees at least some cases of). */
export const roleCaseTypes: Readonly<Record<Role, readonly CaseType[]>> = roles.reduce(
  (map, role) => ({ ...map, [role]: caseTypes.filter((type) => rules[role][type] !== undefined) }),
  {} as Record<Role, readonly CaseType[]>,
);

export function caseTypesForRole(role: Role): readonly CaseType[] {
  return roleCaseTypes[role];
}

/** Case types any of the actor's roles works on. */
export function caseTypesForActor(actor: Actor): CaseType[] {
  const types = new Set<CaseType>();
  for (const role of actor.roles) for (const type of roleCaseTypes[role]) types.add(type);
  return [...types];
}

/**
 * The institution's register of people (students, applicants): its own staff see all of it, so a
 * teacher or coordinator can start a case about a student who has none yet, also offline. Anyone
 * else sees a person only through a case about them that they may see.
 */
export function seesPeopleRegister(actor: Actor, institution: string): boolean {
  return actor.scope.institution === institution && isStaff(actor);
}

/** Works at the institution (not a partner, student or applicant): on its staff directory. */
export function isStaff(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.some((role) => !externalRoles.includes(role));
}
