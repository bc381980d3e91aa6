import type { Institution, Staff } from '../../../src-shared/documents/letter-parts.schema';
import { roleLabels, type Role } from '../../../src-shared/domain/access/roles';
import { demoUsers, type DemoUser } from '../../../src-shared/domain/demo-data/demo-users';
import { departments, INSTITUTION } from '../../../src-shared/domain/demo-data/organisation';

/**
 * Who is who until login exists: the demo accounts of the fictional institution (demo data).
 * Documents name staff by these accounts; the institution's letterhead comes from its profile.
 */
const users = demoUsers();
const byId = new Map(users.map((user) => [user.userId, user]));

/** Roles that take part in follow-up cases, in the order the acting-user switch lists them. */
export const followUpStaffRoles: readonly Role[] = ['cohortCoordinator', 'departmentHead', 'rector', 'teacher'];

export const followUpStaff: readonly DemoUser[] = followUpStaffRoles.flatMap((role) => users.filter((user) => user.roles[0] === role));

export function staffUser(userId: string): DemoUser | undefined {
  return byId.get(userId);
}

function inDepartment(role: Role, department: string): DemoUser | undefined {
  return users.find((user) => user.roles.includes(role) && user.scope.departments.includes(department));
}

/** The case's cohort coordinator: the one assigned to it, else the department's. */
export function coordinatorOf(c: { department: string; assignees: readonly string[] }): DemoUser | undefined {
  const assigned = c.assignees.map(staffUser).find((user) => user?.roles.includes('cohortCoordinator'));
  return assigned ?? inDepartment('cohortCoordinator', c.department);
}

export const departmentHeadOf = (department: string) => inDepartment('departmentHead', department);
export const rectorUser = () => users.find((user) => user.roles.includes('rector'));

/** A staff member as documents name them (the title is the role's Norwegian name). */
export function asStaff(user: DemoUser): Staff {
  return { name: user.name, title: roleLabels[user.roles[0] ?? 'cohortCoordinator'].nb };
}

export function departmentName(department: string): string {
  return departments.find((candidate) => candidate.id === department)?.name ?? department;
}

export function departmentOf(department: string) {
  return departments.find((candidate) => candidate.id === department);
}

/** The letterhead: the institution and the unit that owns the case. */
export function institutionProfile(department: string): Institution {
  return { name: INSTITUTION.name, department: departmentName(department), postalAddress: [], email: `postmottak@${INSTITUTION.domain}` };
}
