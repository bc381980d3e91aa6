import type { CertificateBatchInput, CertificateParticipant } from '../../../../src-shared/documents/course-certificate-batch.schema';
import type { ContractParts } from '../../../../src-shared/documents/course-contract-input';
import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import { passListOf } from '../../../../src-shared/domain/course-delivery/participants';

/** Who gets a certificate: the admitted participants the results say passed, as the batch names them. */
export function certificateParticipants(caseDoc: CourseDeliveryCase): CertificateParticipant[] {
  const { passed } = passListOf(caseDoc.details.participants ?? [], caseDoc.details.results);
  return passed.map(({ id, name, birthDate, email }) => ({ id, name, birthDate, email }));
}

/**
 * The certificate batch of a graded course: the course and its certificate text from the case,
 * the letterhead and the issuing department head (as on the contract: `contractParts`), the course
 * case as the archive names it with `responsible` (the consultant sending), dated `date`.
 */
export function certificateBatchOf(
  caseDoc: CourseDeliveryCase,
  parts: Pick<ContractParts, 'institution' | 'departmentHead'>,
  responsible: string,
  date: string,
): CertificateBatchInput {
  const { course, certificateText } = caseDoc.details;
  return {
    institution: parts.institution,
    date,
    course: {
      code: course.code,
      name: course.name,
      ...(course.credits > 0 ? { credits: course.credits } : {}),
      startDate: course.startDate,
      endDate: course.endDate,
    },
    certificateText: certificateText?.text ?? '',
    issuedBy: parts.departmentHead,
    courseCase: {
      id: caseDoc.id,
      caseNumber: caseDoc.caseNumber,
      title: caseDoc.title,
      institution: parts.institution.name,
      department: parts.institution.department,
      responsible,
      openedAt: caseDoc.createdAt,
    },
    participants: certificateParticipants(caseDoc),
  };
}
