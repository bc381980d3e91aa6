import { describe, expect, it } from 'vitest';
import type { Case } from '../case/case.schema';
import { caseTypes, type CaseType } from '../case/case-type';
import { actorFor, SCOPE, SUBJECT_ID, TEACHER_ID } from '../../../dev/testing/fixtures';
import { canCreateCase, canEditCase, canSeeCase, caseTypesForActor, caseTypesForRole, roleCaseTypes, seesPeopleRegister } from './access';
import { actorSchema, roles, type Role } from './roles';

/** A case of each type in a typical mid-process status. */
const activeStatus: Record<CaseType, string> = {
  followUp: 'summoned',
  nomination: 'submitted',
  approval: 'processing',
  placement: 'studentsDistributed',
  courseDelivery: 'published',
};

/** The case as close to the actor as it gets: their department, cohort or partner, about them, involving them. */
function near(type: CaseType, actorId: string, status = activeStatus[type]): Case {
  return {
    id: 'c1',
    type,
    caseNumber: '2026/00001',
    title: 'Sak',
    status,
    institution: SCOPE.institution,
    department: SCOPE.department,
    cohort: type === 'nomination' ? SCOPE.partner : type === 'placement' ? SCOPE.site : SCOPE.cohort,
    subjectPersonId: SUBJECT_ID,
    assignees: [actorId],
    deadlines: [],
    nextDeadline: '9999-12-31',
    details: {},
    createdAt: '2026-09-01T08:00:00.000Z',
    createdBy: actorId,
    updatedAt: '2026-09-01T08:00:00.000Z',
    updatedBy: actorId,
  };
}

/** The same case elsewhere in the institution: another department, cohort and partner, about and by someone else. */
function far(type: CaseType): Case {
  return {
    ...near(type, 'someone-else'),
    department: 'okonomi',
    cohort: type === 'nomination' ? 'partner-valmont' : type === 'placement' ? 'site-bryggen-skole' : 'OKAD-2024H',
    subjectPersonId: 'person-9',
  };
}

const F = 'followUp',
  N = 'nomination',
  A = 'approval',
  P = 'placement',
  C = 'courseDelivery';
const expected: Record<Role, { see: CaseType[]; edit: CaseType[]; create: CaseType[]; seeFar: CaseType[] }> = {
  teacher: { see: [F, P, C], edit: [C], create: [F], seeFar: [] }, // edit C: their own course's checklist steps
  cohortCoordinator: { see: [F], edit: [F], create: [F], seeFar: [] },
  departmentHead: { see: [F, N, A, P, C], edit: [F, C], create: [C], seeFar: [] },
  rector: { see: [F], edit: [], create: [], seeFar: [F] },
  operationsConsultant: { see: [C], edit: [C], create: [], seeFar: [C] },
  caseOfficer: { see: [N, A], edit: [N, A], create: [N, A], seeFar: [N, A] },
  nominator: { see: [N], edit: [], create: [N], seeFar: [] },
  placementAdmin: { see: [P], edit: [P], create: [P], seeFar: [P] },
  siteCoordinator: { see: [P], edit: [P], create: [], seeFar: [] },
  siteSupervisor: { see: [P], edit: [], create: [], seeFar: [] },
  student: { see: [F, A], edit: [], create: [], seeFar: [] },
  applicant: { see: [N], edit: [], create: [], seeFar: [] },
};

describe('access: every role × case type', () => {
  it.each(roles)('%s', (role) => {
    const actor = actorFor(role);
    const observed = { see: [] as CaseType[], edit: [] as CaseType[], create: [] as CaseType[], seeFar: [] as CaseType[] };
    for (const type of caseTypes) {
      if (canSeeCase(actor, near(type, actor.userId))) observed.see.push(type);
      if (canEditCase(actor, near(type, actor.userId))) observed.edit.push(type);
      if (canCreateCase(actor, near(type, actor.userId))) observed.create.push(type);
      if (canSeeCase(actor, far(type))) observed.seeFar.push(type);
      expect(canSeeCase(actor, { ...near(type, actor.userId), institution: 'annen-skole' }), `${type} at another institution`).toBe(false);
      expect(canEditCase(actor, { ...far(type), institution: 'annen-skole' })).toBe(false);
    }
    expect(observed).toEqual(expected[role]);
    expect([...caseTypesForRole(role)].sort()).toEqual([...expected[role].see].sort());
  });

  it('gives an actor with several roles the union of them', () => {
    const both = actorFor('cohortCoordinator', { roles: ['cohortCoordinator', 'operationsConsultant'] });
    expect(canSeeCase(both, far(C))).toBe(true);
    expect(canSeeCase(both, near(F, both.userId))).toBe(true);
    expect(caseTypesForActor(both).sort()).toEqual([C, F]);
  });

  it('lists which case types each role works on', () => {
    expect(roleCaseTypes.caseOfficer).toEqual([N, A]);
    expect(Object.keys(roleCaseTypes).sort()).toEqual([...roles].sort());
  });
});

describe('access: status and relation matter', () => {
  it('shows a follow-up case to its student only from the summons on', () => {
    const student = actorFor('student');
    for (const status of ['reported', 'open', 'merged']) expect(canSeeCase(student, near(F, 'x', status)), status).toBe(false);
    for (const status of ['summoned', 'protocolDrafted', 'decisionSent', 'closed']) expect(canSeeCase(student, near(F, 'x', status)), status).toBe(true);
    expect(canSeeCase(actorFor('student', { userId: 'person-2' }), near(F, 'x'))).toBe(false);
  });

  it('lets a teacher see and correct only their own report, and only before the coordinator takes it', () => {
    const teacher = actorFor('teacher');
    const report = near(F, TEACHER_ID, 'reported');
    expect(canEditCase(teacher, report)).toBe(true);
    expect(canEditCase(teacher, { ...report, status: 'open' })).toBe(false);
    expect(canSeeCase(teacher, { ...report, createdBy: 'teacher-2', assignees: [] })).toBe(false);
    expect(canCreateCase(teacher, { ...report, cohort: 'OKAD-2024H' })).toBe(false);
  });

  it('shows a placement order to the site once sent, and the students to supervisors once distributed', () => {
    const coordinator = actorFor('siteCoordinator');
    const supervisor = actorFor('siteSupervisor');
    expect(canSeeCase(coordinator, near(P, 'x', 'draft'))).toBe(false);
    expect(canSeeCase(coordinator, near(P, 'x', 'ordered'))).toBe(true);
    expect(canSeeCase(supervisor, near(P, 'x', 'staffed'))).toBe(false);
    expect(canSeeCase(supervisor, near(P, 'x', 'inProgress'))).toBe(true);
    expect(canEditCase(coordinator, near(P, 'x', 'completed'))).toBe(false);
  });

  it('lets a nominator edit a nomination only until the applicant has submitted', () => {
    const nominator = actorFor('nominator');
    expect(canEditCase(nominator, near(N, 'x', 'nominated'))).toBe(true);
    expect(canEditCase(nominator, near(N, 'x', 'submitted'))).toBe(false);
    expect(canSeeCase(nominator, far(N))).toBe(false);
  });

  it('makes closed cases read-only for everyone', () => {
    for (const role of roles) {
      const actor = actorFor(role);
      expect(canEditCase(actor, near(F, actor.userId, 'closed')), role).toBe(false);
      expect(canEditCase(actor, near(C, actor.userId, 'cancelled')), role).toBe(false);
    }
  });

  it('parses actors at the boundary', () => {
    expect(actorSchema.safeParse(actorFor('rector')).success).toBe(true);
    expect(actorSchema.safeParse({ ...actorFor('rector'), roles: ['janitor'] }).success).toBe(false);
    expect(actorSchema.safeParse({ ...actorFor('rector'), roles: [] }).success).toBe(false);
  });
});

describe('access: the register of people', () => {
  it('is open to the institution’s own staff, and to no one outside it or outside the staff', () => {
    const staff: Role[] = ['teacher', 'cohortCoordinator', 'departmentHead', 'rector', 'operationsConsultant', 'caseOfficer', 'placementAdmin'];
    for (const role of roles) {
      expect(seesPeopleRegister(actorFor(role), SCOPE.institution), role).toBe(staff.includes(role));
      expect(seesPeopleRegister(actorFor(role), 'another-institution'), role).toBe(false);
    }
  });
});
