import { demoCourse } from '../../../src-main/cli/course-demo-case';
import type { ArchiveRecord } from '../../../src-shared/documents/archive-record.schema';
import { contractArchiveRecord } from '../../../src-shared/documents/course-contract-archive';
import { courseContractInput } from '../../../src-shared/documents/course-contract-input';

/** The demo course and the archive record of its countersigned contract: a document of the course's own case folder. */
export const course = demoCourse();

export function courseContractRecord(): ArchiveRecord {
  const contract = courseContractInput(
    course.start,
    { institution: course.institution, departmentHead: course.departmentHead, teachingResourceEmail: course.teachingResource.email },
    '2026-08-18T08:00:00.000Z',
  );
  return contractArchiveRecord({
    caseDoc: course.start,
    contract,
    documentId: `${course.start.id}-contract`,
    signedBy: [course.teachingResource.name, course.departmentHead.name],
  });
}

/** Any run of 11 digits: a fødselsnummer or D-number would be one. */
export const ELEVEN_DIGITS = /(?<!\d)\d{11}(?!\d)/;
