import { z } from 'zod';
import { caseSchema, idSchema, isoDate, isoTimestamp } from '../domain/case/case.schema';
import { documentKinds } from '../domain/document/document.schema';

/**
 * What the archive gets besides the PDF: enough to file the document in P360, in a Noark 5
 * package or in a plain folder — on the student's folder, or on the case's own (`folder: 'case'`).
 */
/** The case a document belongs to, as its archive folder (saksmappe) describes it. */
export const archiveCaseSchema = z.object({
  id: idSchema,
  caseNumber: caseSchema.shape.caseNumber.min(1),
  title: z.string().min(1).max(300),
  institution: z.string().min(1).max(200),
  /** The unit that handles the case (administrativ enhet). */
  department: z.string().min(1).max(200),
  /** Name of the case officer responsible (saksansvarlig). */
  responsible: z.string().min(1).max(200),
  openedAt: isoTimestamp,
  closedAt: isoTimestamp.optional(),
});
export type ArchiveCase = z.infer<typeof archiveCaseSchema>;

export const archiveStudentSchema = z.object({
  nationalId: z.string().regex(/^\d{11}$/, 'an 11-digit national ID'),
  givenName: z.string().min(1).max(100),
  familyName: z.string().min(1).max(100),
  email: z.string().max(200),
});

/** Who a document goes to: the student as party, staff by name, or someone outside (a teaching resource) by name. */
const archiveRecipientsSchema = z
  .array(
    z.object({
      role: z.enum(['recipient', 'copy', 'internalRecipient']),
      party: z.enum(['student', 'staff', 'external']),
      name: z.string().min(1).max(200),
      email: z.string().max(200),
    }),
  )
  .max(10);

const archiveDocumentSchema = z.object({
  documentId: idSchema,
  kind: z.enum(documentKinds),
  title: z.string().min(1).max(300),
  documentDate: isoDate,
  /** File name inside packages and folders, e.g. "vedtak-2026-00042.pdf". */
  fileName: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,115}\.pdf$/),
  /** Name of the person who made the document. */
  createdBy: z.string().min(1).max(200),
  /** Names of those who signed it (drawn or digital), in order. */
  signedBy: z.array(z.string().min(1).max(200)).max(10),
  case: archiveCaseSchema,
});

/** Filed in the student's folder (by national ID, screened): every record made before `folder` existed is one. */
export const studentArchiveRecordSchema = archiveDocumentSchema.extend({
  folder: z.literal('student').optional(),
  student: archiveStudentSchema,
  recipients: archiveRecipientsSchema,
});

/**
 * Filed in the case's own folder: a document of the case itself, no student's matter (the course's
 * contract with its teaching resource). It names nobody by national ID and is not screened.
 */
export const caseArchiveRecordSchema = archiveDocumentSchema.extend({
  folder: z.literal('case'),
  student: z.never().optional(),
  recipients: archiveRecipientsSchema.refine((recipients) => recipients.every((recipient) => recipient.party !== 'student'), {
    message: 'a case folder has no student as party',
  }),
});

export const archiveRecordSchema = z.discriminatedUnion('folder', [studentArchiveRecordSchema, caseArchiveRecordSchema]);
export type ArchiveRecord = z.infer<typeof archiveRecordSchema>;
export type StudentArchiveRecord = z.infer<typeof studentArchiveRecordSchema>;
export type ArchiveRecipient = ArchiveRecord['recipients'][number];

/**
 * A case that has ended, for the archives that keep a folder per case: they know the folder from
 * the documents archived in it before, so the closing needs only which case, when and by whom.
 */
export const archiveClosureSchema = z.object({
  caseId: idSchema,
  caseNumber: archiveCaseSchema.shape.caseNumber,
  closedAt: isoTimestamp,
  /** Name of the person who closed it (avsluttetAv). */
  closedBy: z.string().min(1).max(200),
});
export type ArchiveClosure = z.infer<typeof archiveClosureSchema>;
