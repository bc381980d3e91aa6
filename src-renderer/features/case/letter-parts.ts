import type { ArchiveRecord } from '../../../src-shared/documents/archive-record.schema';
import type { DecisionInput } from '../../../src-shared/documents/decision.schema';
import type { Student } from '../../../src-shared/documents/letter-parts.schema';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { CaseDocument } from '../../../src-shared/domain/document/document.schema';
import type { OrganisationIndex } from '../../../src-shared/domain/organisation/organisation-index';
import type { Person } from '../../../src-shared/domain/person/person.schema';
import { institutionProfile } from './staff-directory';

/**
 * The parts of letters and archive records every case type builds the same way: the student as
 * party, the usual appeal notice of the case's unit, and the case's archive folder (saksmappe).
 * Document texts are Norwegian whatever the UI language.
 */
export const studentName = (person: Pick<Person, 'givenName' | 'familyName'>) => `${person.givenName} ${person.familyName}`;

export function studentParty(person: Person): Student {
  return { name: studentName(person), studentNumber: '', email: person.email, postalAddress: [] };
}

/** The usual appeal notice parts of a decision from the case's unit. */
export function defaultAppeal(organisation: OrganisationIndex, caseDoc: Pick<Case, 'department' | 'caseNumber'>): Omit<DecisionInput['appeal'], 'receivedOn'> {
  const institution = institutionProfile(organisation, caseDoc.department);
  return {
    submitTo: `${institution.department}, ${institution.name}`,
    appealBody: `Klagenemnda ved ${institution.name}`,
    howTo: `Send klagen som brev eller e-post til ${institution.email}. Merk klagen med saksnummer ${caseDoc.caseNumber}.`,
  };
}

/** What any case type's archive record needs besides the document: the case, its student and unit, and who answers for it. */
export interface ArchiveFolder {
  caseDoc: Case;
  student: Person;
  organisation: OrganisationIndex;
  /** Name of the staff member responsible for the case (saksansvarlig). */
  responsible: string;
  /** When the case was closed, if it has been. */
  closedAt?: string | undefined;
}

const archivedFileName = (kind: CaseDocument['kind'], caseNumber: string) =>
  `${kind === 'decision' ? 'vedtak' : kind}-${caseNumber.replace(/[^A-Za-z0-9]+/g, '-')}.pdf`;

/** What the archive files with the PDF: the student's folder, the document, who made and signed it, and who gets it. */
export function archiveRecordOf(folder: ArchiveFolder, document: CaseDocument, createdBy: string, recipients: ArchiveRecord['recipients']): ArchiveRecord {
  const { caseDoc, student, organisation } = folder;
  return {
    documentId: document.id,
    kind: document.kind,
    title: document.title,
    documentDate: document.createdAt.slice(0, 10),
    fileName: archivedFileName(document.kind, caseDoc.caseNumber),
    createdBy,
    signedBy: document.signatures.map((signature) => signature.signer),
    case: {
      id: caseDoc.id,
      caseNumber: caseDoc.caseNumber,
      title: caseDoc.title,
      institution: institutionProfile(organisation, caseDoc.department).name,
      department: organisation.nameOf(caseDoc.department),
      responsible: folder.responsible,
      openedAt: caseDoc.createdAt,
      ...(folder.closedAt ? { closedAt: folder.closedAt } : {}),
    },
    student: { nationalId: student.nationalId, givenName: student.givenName, familyName: student.familyName, email: student.email },
    recipients,
  };
}

/** The student as the recipient of a letter. */
export const studentRecipient = (student: Person): ArchiveRecord['recipients'][number] => ({
  role: 'recipient',
  party: 'student',
  name: studentName(student),
  email: student.email,
});
