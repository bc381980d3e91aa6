import type { Institution, Staff } from '../../../src-shared/documents/letter-parts.schema';
import { roleLabels, type Role } from '../../../src-shared/domain/access/roles';
import type { OrganisationIndex } from '../../../src-shared/domain/organisation/organisation-index';
import type { StaffMember } from '../../../src-shared/domain/staff/staff.schema';

/** Who is who on a case: the staff named on letters and protocols, and their e-mail addresses. */
export interface StaffDirectory {
  member(id: string): StaffMember | undefined;
  /** The case's cohort coordinator: the one assigned to it, else the department's. */
  coordinatorOf(c: { department: string; assignees: readonly string[] }): StaffMember | undefined;
  departmentHeadOf(department: string): StaffMember | undefined;
  rector(): StaffMember | undefined;
  /** The active members whose first role is this one, by name. */
  withRole(role: Role): StaffMember[];
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
    withRole: (role) => active.filter((member) => member.roles[0] === role).sort((a, b) => a.name.localeCompare(b.name, 'nb')),
  };
}

/** Roles of the staff who take steps on cases (follow-up, approval, nomination offers and placement), in the order the acting-user switch lists them. */
export const actingStaffRoles: readonly Role[] = [
  'cohortCoordinator',
  'departmentHead',
  'rector',
  'teacher',
  'caseOfficer',
  'placementAdmin',
  'operationsConsultant',
];

/** A staff member as documents name them (the title is the role's Norwegian name). */
export function asStaff(member: Pick<StaffMember, 'name' | 'roles'>): Staff {
  return { name: member.name, title: roleLabels[member.roles[0] ?? 'cohortCoordinator'].nb };
}

/** The letterhead: the institution and the unit that owns the case. */
export function institutionProfile(organisation: OrganisationIndex, department: string): Institution {
  const institution = organisation.institution(department) ?? organisation.institution();
  const domain = institution?.attributes.domain;
  return {
    name: institution?.name ?? '',
    department: organisation.nameOf(department),
    postalAddress: [],
    email: domain ? `postmottak@${domain}` : '',
  };
}
