import type { ContractParts } from '../../../../src-shared/documents/course-contract-input';
import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import type { OrganisationIndex } from '../../../../src-shared/domain/organisation/organisation-index';
import { roleLabels } from '../../../../src-shared/domain/access/roles';
import { institutionProfile, type StaffDirectory } from '../../case/staff-directory';

/**
 * What the contract needs besides the course, from the organisation and the staff directory: the
 * letterhead of the course's unit, the department head on the case (else the unit's), and the
 * teaching resource's e-mail address. Undefined when no department head can be named.
 */
export function contractParts(caseDoc: CourseDeliveryCase, organisation: OrganisationIndex, staff: StaffDirectory): ContractParts | undefined {
  const assigned = caseDoc.assignees.map((id) => staff.member(id)).find((member) => member?.roles.includes('departmentHead'));
  const head = assigned ?? staff.departmentHeadOf(caseDoc.department);
  if (!head) return undefined;
  return {
    institution: institutionProfile(organisation, caseDoc.department),
    departmentHead: { name: head.name, title: roleLabels.departmentHead.nb }, // the contract names the head in that role
    teachingResourceEmail: staff.member(caseDoc.details.teachingResource.userId)?.email ?? '',
  };
}
