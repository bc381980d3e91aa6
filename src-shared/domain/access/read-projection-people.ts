import type { Case } from '../case/case.schema';
import { caseTypes } from '../case/case-type';
import type { Person } from '../person/person.schema';
import { partAccess, registerTable } from './access-table';
import { readAccess } from './read-projection';
import type { Actor, Role } from './roles';

/**
 * The read side of need to know for the register of people (registerTable): who receives which
 * person, and with or without the national ID. Pure; the server runs it for every person it sends.
 */
type CaseScope = Pick<Case, 'type' | 'status' | 'institution' | 'department' | 'cohort' | 'subjectPersonId' | 'assignees' | 'createdBy'>;
type RegisterEntry = Pick<Person, 'institution' | 'cohorts'>;

function roleRegisterIncludes(role: Role, actor: Actor, person: RegisterEntry): boolean {
  if (!actor.roles.includes(role) || person.institution !== actor.scope.institution) return false;
  switch (registerTable[role].people) {
    case 'all':
      return true;
    case 'cohorts':
      return person.cohorts.some((code) => actor.scope.cohorts.includes(code));
    case '-':
      return false;
  }
}

/** Whether the person is in the part of the institution's register the actor receives. */
export function registerIncludes(actor: Actor, person: RegisterEntry): boolean {
  return actor.roles.some((role) => roleRegisterIncludes(role, actor, person));
}

/** Whether some role of the actor reads the `nationalId` part of some case type (then cases about a person can give it). */
export function readsNationalIdThroughCases(actor: Actor): boolean {
  return actor.roles.some((role) => caseTypes.some((type) => ['r', 'w'].includes(partAccess(type, role, 'nationalId'))));
}

/**
 * Whether the actor may read the person's national ID: through its register (registerTable), or
 * through a case about the person it sees whose `nationalId` part it reads (`casesAbout`: cases
 * whose subject is the person).
 */
export function mayReadNationalId(actor: Actor, person: Person, casesAbout: readonly CaseScope[]): boolean {
  return (
    actor.roles.some((role) => registerTable[role].nationalId && roleRegisterIncludes(role, actor, person)) ||
    casesAbout.some((c) => c.subjectPersonId === person.id && readAccess(actor, c, 'nationalId') === 'r')
  );
}

/**
 * The person as the actor may receive them: the national ID blanked ('') unless the actor may
 * read it. Returns the person itself when nothing is withheld.
 */
export function projectPerson<P extends Person>(actor: Actor, person: P, casesAbout: readonly CaseScope[]): P {
  return person.nationalId === '' || mayReadNationalId(actor, person, casesAbout) ? person : { ...person, nationalId: '' };
}

/**
 * The inverse of `projectPerson`, for pushes from an actor that received the person without the
 * national ID: the pushed person with the stored national ID put back.
 */
export function restoreNationalId<P extends Person>(actor: Actor, stored: P, pushed: P, casesAbout: readonly CaseScope[]): P {
  return mayReadNationalId(actor, stored, casesAbout) ? pushed : { ...pushed, nationalId: stored.nationalId };
}
