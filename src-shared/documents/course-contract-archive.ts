import type { ArchiveRecord } from './archive-record.schema';
import { COURSE_CONTRACT_TITLE, type CourseContractInput } from './course-contract.schema';

/** What the archive files the countersigned contract with, besides the contract's own input. */
export interface ContractArchiveParts {
  caseDoc: { id: string; caseNumber: string; title: string; createdAt: string };
  contract: Pick<CourseContractInput, 'institution' | 'course' | 'teachingResource' | 'departmentHead' | 'date'>;
  documentId: string;
  /** Who signed it, in order: the teaching resource, then the department head. */
  signedBy: readonly string[];
}

/**
 * The archive record of the countersigned course contract: a document of the course's own case
 * folder (no student's matter, so nobody's national ID and no screening), sent to the teaching
 * resource as an outside recipient by name and e-mail, the department head responsible and its
 * maker, journaled as an outgoing document (document-filing.ts).
 */
export function contractArchiveRecord(parts: ContractArchiveParts): ArchiveRecord {
  const { caseDoc, contract } = parts;
  return {
    folder: 'case',
    documentId: parts.documentId,
    kind: 'contract',
    title: `${COURSE_CONTRACT_TITLE} – ${contract.course.code} ${contract.course.name}`.slice(0, 300),
    documentDate: contract.date,
    fileName: `kontrakt-${caseDoc.caseNumber.replace(/[^A-Za-z0-9]+/g, '-')}.pdf`,
    createdBy: contract.departmentHead.name,
    signedBy: [...parts.signedBy],
    case: {
      id: caseDoc.id,
      caseNumber: caseDoc.caseNumber,
      title: caseDoc.title,
      institution: contract.institution.name,
      department: contract.institution.department || contract.institution.name,
      responsible: contract.departmentHead.name,
      openedAt: caseDoc.createdAt,
    },
    recipients: [{ role: 'recipient', party: 'external', name: contract.teachingResource.name, email: contract.teachingResource.email }],
  };
}
