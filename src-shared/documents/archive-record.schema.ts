import { z } from 'zod';
import { caseSchema, idSchema, isoDate, isoTimestamp } from '../domain/case/case.schema';
import { documentKinds } from '../domain/document/document.schema';

/**
 * What the archive gets besides the PDF: enough to file the document on the student's folder
 * in P360, in a Noark 5 package or in a plain folder.
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

export const archiveRecordSchema = z.object({
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
  student: archiveStudentSchema,
  /** Who the document goes to: the student as party, or staff by name. */
  recipients: z
    .array(
      z.object({
        role: z.enum(['recipient', 'copy', 'internalRecipient']),
        party: z.enum(['student', 'staff']),
        name: z.string().min(1).max(200),
        email: z.string().max(200),
      }),
    )
    .max(10),
});
export type ArchiveRecord = z.infer<typeof archiveRecordSchema>;

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
