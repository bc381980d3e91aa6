import type { Institution, Staff } from '../../../src-shared/documents/letter-parts.schema';
import { roleLabels, type Role } from '../../../src-shared/domain/access/roles';
import { demoUsers, type DemoUser } from '../../../src-shared/domain/demo-data/demo-users';
import { departments, INSTITUTION } from '../../../src-shared/domain/demo-data/organisation';
import { staffMember, type StaffMember } from '../../../src-shared/domain/staff/staff.schema';

/** Who is who on a case: the staff named on letters and protocols, and their e-mail addresses. */
export interface StaffDirectory {
  member(id: string): StaffMember | undefined;
  /** The case's cohort coordinator: the one assigned to it, else the department's. */
  coordinatorOf(c: { department: string; assignees: readonly string[] }): StaffMember | undefined;
  departmentHeadOf(department: string): StaffMember | undefined;
  rector(): StaffMember | undefined;
}

/**
 * A directory over staff members: signed in, the server's staff directory (its accounts); on
 * local demo data, the demo accounts. Disabled accounts still name the documents they made but
 * are never chosen for a new one.
 */
export function staffDirectory(members: readonly StaffMember[]): StaffDirectory {
  const byId = new Map(members.map((member) => [member.id, member]));
  const active = members.filter((member) => member.active);
  const inDepartment = (role: Role, department: string) => active.find((member) => member.roles.includes(role) && member.departments.includes(department));
  return {
    member: (id) => byId.get(id),
    coordinatorOf(c) {
      const assigned = c.assignees.map((id) => byId.get(id)).find((member) => member?.active && member.roles.includes('cohortCoordinator'));
      return assigned ?? inDepartment('cohortCoordinator', c.department);
    },
    departmentHeadOf: (department) => inDepartment('departmentHead', department),
    rector: () => active.find((member) => member.roles.includes('rector')),
  };
}

/** The demo accounts of the fictional institution (local demo data, and the acting-user switch). */
const users = demoUsers();
const byId = new Map(users.map((user) => [user.userId, user]));

export const demoStaff: readonly StaffMember[] = users.map((user) => staffMember({ ...user, id: user.userId, active: true }, '2026-01-01T00:00:00.000Z'));

/** Roles that take part in follow-up cases, in the order the acting-user switch lists them. */
export const followUpStaffRoles: readonly Role[] = ['cohortCoordinator', 'departmentHead', 'rector', 'teacher'];

export const followUpStaff: readonly DemoUser[] = followUpStaffRoles.flatMap((role) => users.filter((user) => user.roles[0] === role));

/** A demo account by id (local demo data). */
export function staffUser(userId: string): DemoUser | undefined {
  return byId.get(userId);
}

/** A staff member as documents name them (the title is the role's Norwegian name). */
export function asStaff(member: Pick<StaffMember, 'name' | 'roles'>): Staff {
  return { name: member.name, title: roleLabels[member.roles[0] ?? 'cohortCoordinator'].nb };
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
