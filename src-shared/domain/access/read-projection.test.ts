import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case } from '../case/case.schema';
import { caseTypes, type CaseType } from '../case/case-type';
import type { Person } from '../person/person.schema';
import { actorFor, caseWithEveryPart, SCOPE, SUBJECT_ID, TEACHER_ID, workflowsUnderTest } from '../../../dev/testing/fixtures';
import { roleCanSee, roleCaseTypes } from './access';
import { accessTable, ownerField, partAccess, partsOf, recordParts, registerTable, type RecordPart } from './access-table';
import { mayReadRecord, projectCase, restoreWithheld } from './read-projection';
import { projectPerson, registerIncludes, restoreNationalId } from './read-projection-people';
import { externalRoles, roles, type Actor, type Role } from './roles';

/**
 * The read side generated from the table: for every case type, every role that works on it and
 * every part, a case with every part filled is projected for the role, and the part must be there
 * exactly when the table gives it to the role.
 */
const rolesOf = (type: CaseType) => accessTable[type].roles as readonly Role[];
const detailParts = (type: CaseType) => partsOf(type).filter((part) => part !== 'case' && !(recordParts as readonly string[]).includes(part));
const caseFields = (c: Case) => {
  const { details: _details, ...fields } = c;
  return fields;
};
/** Every (case type, role that works on it); the fixtures' teacher owns `report-1`, not `report-2`. */
const cells = caseTypes.flatMap((type) => rolesOf(type).map((role) => [type, role] as const));

const records: Record<RecordPart, { collection: 'notes' | 'documents' | 'tasks'; record: Record<string, unknown> } | null> = {
  internalNotes: { collection: 'notes', record: { id: 'n-1', visibility: 'internal' } },
  sharedNotes: { collection: 'notes', record: { id: 'n-2', visibility: 'shared' } },
  documents: { collection: 'documents', record: { id: 'd-1', kind: 'protocol' } },
  tasks: null, // depends on the assignee: below
  nationalId: null, // a property of the person: below
};

describe('the fixture case with every part', () => {
  it.each(caseTypes)('%s: fits its details schema, fills every details part of the table and is seen by every role of the type', (type) => {
    const c = caseWithEveryPart(type);
    expect(workflowsUnderTest[type].detailsSchema.safeParse(c.details).success).toBe(true);
    expect(Object.keys(c.details).sort()).toEqual(detailParts(type).sort());
    for (const role of rolesOf(type)) expect({ role, sees: roleCanSee(role, actorFor(role), c) }).toEqual({ role, sees: true });
  });

  it('lists exactly the roles that see each case type under the scope rules', () => {
    for (const type of caseTypes) expect([...rolesOf(type)].sort()).toEqual(roles.filter((role) => roleCaseTypes[role].includes(type)).sort());
  });
});

describe.each(cells)('%s as %s', (type, role) => {
  const actor = actorFor(role);
  const c = caseWithEveryPart(type);
  const projected = projectCase(actor, c);

  it('keeps the case itself (that it exists and where it stands)', () => {
    expect(partAccess(type, role, 'case')).not.toBe('-');
    expect(caseFields(projected)).toEqual(caseFields(c));
  });

  it.each(detailParts(type))('details.%s: there exactly when the table says so', (part) => {
    const access = partAccess(type, role, part);
    if (access === '-') expect(projected.details).not.toHaveProperty(part);
    if (access === 'r' || access === 'w') expect(projected.details[part]).toEqual(c.details[part]);
    if (access === 'o') {
      const field = ownerField[part]!;
      const own = (c.details[part] as Record<string, unknown>[]).filter((entry) => entry[field] === actor.userId);
      expect(projected.details[part]).toEqual(own);
    }
  });

  it.each(recordParts.filter((part) => records[part]))('%s: received exactly when the table says so', (part) => {
    const { collection, record } = records[part]!;
    expect(mayReadRecord(actor, c, collection, record)).toBe(partAccess(type, role, part) !== '-');
  });

  it('tasks: all, own only or none, as the table says', () => {
    const access = partAccess(type, role, 'tasks');
    const own = { id: 't-1', assigneeId: actor.userId };
    const others = { id: 't-2', assigneeId: 'someone-else' };
    expect([mayReadRecord(actor, c, 'tasks', own), mayReadRecord(actor, c, 'tasks', others)]).toEqual(
      access === '-' ? [false, false] : access === 'o' ? [true, false] : [true, true],
    );
  });

  it('nationalId: a person reached through this case carries it exactly when the table says so', () => {
    // Of another institution, so the register does not decide; the case is about them.
    const person: Person = {
      id: SUBJECT_ID,
      givenName: 'Ola',
      familyName: 'Student',
      nationalId: '01536112185',
      email: '',
      institution: 'elsewhere',
      cohorts: [],
      updatedAt: c.updatedAt,
    };
    expect(projectPerson(actor, person, [{ ...c, subjectPersonId: SUBJECT_ID }]).nationalId).toBe(
      partAccess(type, role, 'nationalId') === '-' ? '' : person.nationalId,
    );
  });
});

describe('the register of people', () => {
  const inCohort: Person = {
    id: 'p-1',
    givenName: 'Kari',
    familyName: 'Student',
    nationalId: '01536112185',
    email: '',
    institution: SCOPE.institution,
    cohorts: [SCOPE.cohort],
    updatedAt: '2026-09-01T08:00:00.000Z',
  };
  const elsewhere: Person = { ...inCohort, id: 'p-2', cohorts: ['ANNET-KULL'] };

  it.each(roles)('%s receives the people of its register column, national IDs as its column says', (role) => {
    const actor = actorFor(role);
    const { people, nationalId } = registerTable[role];
    expect([registerIncludes(actor, inCohort), registerIncludes(actor, elsewhere)]).toEqual([people !== '-', people === 'all']);
    expect(projectPerson(actor, inCohort, []).nationalId).toBe(nationalId ? inCohort.nationalId : '');
  });

  it('never sends a national ID to an external party', () => {
    for (const role of externalRoles) {
      expect(registerTable[role].nationalId).toBe(false);
      for (const type of caseTypes) expect({ role, type, access: partAccess(type, role, 'nationalId') }).toEqual({ role, type, access: '-' });
    }
  });

  it('gives a teacher only the people in their own cohorts and courses', () => {
    const teacher = actorFor('teacher');
    expect(registerIncludes(teacher, { institution: SCOPE.institution, cohorts: ['SYK1002', SCOPE.cohort] })).toBe(true);
    expect(registerIncludes(teacher, { institution: SCOPE.institution, cohorts: [] })).toBe(false);
    expect(registerIncludes(teacher, { institution: 'elsewhere', cohorts: [SCOPE.cohort] })).toBe(false);
  });
});

describe('actors with several roles', () => {
  const typeAndRoles = fc
    .constantFrom(...caseTypes)
    .chain((type) => fc.tuple(fc.constant(type), fc.subarray([...rolesOf(type)], { minLength: 1 }), fc.subarray([...roles], { maxLength: 2 })));
  const actorWith = (held: Role[]): Actor =>
    actorFor(held.includes('student') || held.includes('applicant') ? 'student' : held.includes('teacher') ? 'teacher' : 'rector', {
      roles: [...new Set(held)],
    });

  it('receive the union of what each of their roles that sees the case reads, and a projection of a projection is itself', () => {
    fc.assert(
      fc.property(typeAndRoles, ([type, workers, others]) => {
        const actor = actorWith([...workers, ...others]);
        const c = caseWithEveryPart(type);
        const seeing = actor.roles.filter((role) => roleCanSee(role, actor, c));
        const projected = projectCase(actor, c);
        for (const part of detailParts(type)) {
          const letters = seeing.map((role) => partAccess(type, role, part));
          const expected = letters.some((l) => l === 'r' || l === 'w') ? 'all' : letters.includes('o') ? 'own' : 'none';
          const got = !(part in projected.details) ? 'none' : JSON.stringify(projected.details[part]) === JSON.stringify(c.details[part]) ? 'all' : 'own';
          // Own entries can be all of them (every report is the actor's): then both read the same.
          expect(got === expected || (expected === 'own' && got === 'all' && ownsAll(actor, part, c))).toBe(true);
        }
        expect(projectCase(actor, projected)).toEqual(projected);
      }),
      { numRuns: 300 },
    );
  });

  it('get the stored case back when what was withheld from them is put back onto their unchanged projection', () => {
    fc.assert(
      fc.property(typeAndRoles, ([type, workers, others]) => {
        const actor = actorWith([...workers, ...others]);
        const c = caseWithEveryPart(type);
        expect(restoreWithheld(actor, c, projectCase(actor, c))).toEqual(c);
      }),
      { numRuns: 300 },
    );
  });

  it('keep the stored case itself (no copy) when nothing is withheld', () => {
    const coordinator = actorFor('cohortCoordinator');
    const c = caseWithEveryPart('followUp');
    expect(projectCase(coordinator, c)).toBe(c);
  });
});

function ownsAll(actor: Actor, part: string, c: Case): boolean {
  const field = ownerField[part]!;
  return (c.details[part] as Record<string, unknown>[]).every((entry) => entry[field] === actor.userId);
}

describe('a teacher on a follow-up case', () => {
  it('receives that the case exists and their own reports, and nothing of summons, conversation, protocol or decision', () => {
    const teacher = actorFor('teacher');
    const projected = projectCase(teacher, caseWithEveryPart('followUp'));
    expect(Object.keys(projected.details).sort()).toEqual(['mergedInto', 'reports']);
    expect((projected.details.reports as { reportedBy: string }[]).map((report) => report.reportedBy)).toEqual([TEACHER_ID]);
    expect(JSON.stringify(projected)).not.toMatch(/Enighet om tiltak|Forskrift|Rom A2-014|annen lærer/);
  });
});

describe('a push from an actor holding a projection', () => {
  it("keeps the parts and the entries of others from the stored case, and takes the actor's own change", () => {
    const teacher = actorFor('teacher');
    const stored = caseWithEveryPart('followUp');
    const projection = projectCase(teacher, stored);
    const [own] = projection.details.reports as { description: string }[];
    const pushed = { ...projection, details: { ...projection.details, reports: [{ ...own, description: 'Oppdatert beskrivelse.' }] } };
    const merged = restoreWithheld(teacher, stored, pushed);
    expect((merged.details.reports as { id: string; description: string }[]).map((r) => [r.id, r.description])).toEqual([
      ['report-1', 'Oppdatert beskrivelse.'],
      ['report-2', 'Bekymring fra en annen lærer.'],
    ]);
    expect({ ...merged, details: { ...merged.details, reports: stored.details.reports } }).toEqual(stored);
  });

  it('takes nothing the actor may not write from the push: hidden parts and entries of others stay as stored', () => {
    const teacher = actorFor('teacher');
    const stored = caseWithEveryPart('followUp');
    const forged = {
      ...stored,
      details: {
        ...stored.details,
        protocol: { summary: 'Forfalsket' },
        reports: (stored.details.reports as object[]).map((r) => ({ ...r, description: 'Endret' })),
      },
    };
    const merged = restoreWithheld(teacher, stored, forged);
    expect(merged.details.protocol).toEqual(stored.details.protocol);
    expect((merged.details.reports as { id: string; description: string }[]).map((r) => [r.id, r.description])).toEqual([
      ['report-1', 'Endret'],
      ['report-2', 'Bekymring fra en annen lærer.'],
    ]);
  });

  it('puts back a national ID the actor did not receive, and takes one the actor may read as pushed', () => {
    const stored: Person = {
      id: 'p-1',
      givenName: 'Kari',
      familyName: 'Student',
      nationalId: '01536112185',
      email: '',
      institution: SCOPE.institution,
      cohorts: [SCOPE.cohort],
      updatedAt: '2026-09-01T08:00:00.000Z',
    };
    const teacher = actorFor('teacher');
    expect(restoreNationalId(teacher, stored, { ...projectPerson(teacher, stored, []), givenName: 'Kari Anne' }, [])).toEqual({
      ...stored,
      givenName: 'Kari Anne',
    });
    const officer = actorFor('caseOfficer');
    expect(restoreNationalId(officer, stored, { ...stored, nationalId: '' }, []).nationalId).toBe('');
  });
});
