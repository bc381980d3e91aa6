import { z } from 'zod';
import { idSchema } from '../domain/case/case.schema';
import { archiveCaseSchema, archiveStudentSchema } from './archive-record.schema';
import { courseCertificateInputSchema } from './course-certificate.schema';

/** One participant who passed: what the certificate, the archive record and the e-mail need (names as on the registration). */
export const certificateParticipantSchema = z.object({
  id: idSchema,
  name: courseCertificateInputSchema.shape.participant.shape.name,
  birthDate: courseCertificateInputSchema.shape.participant.shape.birthDate,
  email: z.email().max(200),
  /** Fødselsnummer or D-nummer: the archive files the certificate on the participant by it (needed when an archive is configured). */
  nationalId: archiveStudentSchema.shape.nationalId.optional(),
});
export type CertificateParticipant = z.infer<typeof certificateParticipantSchema>;

/** The batch: the course case (as the archive describes it), the certificate's common parts and the pass list. */
export const certificateBatchInputSchema = courseCertificateInputSchema.omit({ participant: true, caseNumber: true }).extend({
  courseCase: archiveCaseSchema,
  participants: z
    .array(certificateParticipantSchema)
    .min(1)
    .max(10_000)
    .refine((participants) => new Set(participants.map((p) => p.id)).size === participants.length, 'Each participant is on the pass list once'),
});
export type CertificateBatchInput = z.infer<typeof certificateBatchInputSchema>;
