import { z } from 'zod';
import { certificateBatchInputSchema } from '../documents/course-certificate-batch.schema';
import { archiveTargets } from '../documents/documents.contract';
import { idSchema } from '../domain/case/case.schema';
import { defineChannel } from './contract';

/**
 * A course's certificate batch in the main process (issue 13): one sealed PDF/A per participant on
 * the pass list, kept, archived (when a target is named) and e-mailed by the server. The batch runs
 * in the background; the renderer starts it and polls its status for the progress bar. Starting
 * it again resumes an interrupted batch where it stopped; a start while it runs answers with the
 * running one.
 */
export const certificatesStartInputSchema = z
  .object({
    caseId: idSchema,
    batch: certificateBatchInputSchema,
    /** The archive the certificates also go to (one this laptop has configured); none: kept and e-mailed only. */
    archiveTarget: z.enum(archiveTargets).optional(),
  })
  .refine((input) => input.batch.courseCase.id === input.caseId, { message: 'The batch is of another course case', path: ['batch', 'courseCase', 'id'] });
export type CertificatesStartInput = z.infer<typeof certificatesStartInputSchema>;

export const certificatesStatusSchema = z.object({
  caseId: idSchema,
  /** idle: no batch since the app started; running; finished; failed (start again to resume). */
  state: z.enum(['idle', 'running', 'finished', 'failed']),
  /** Participants finished, including those an earlier run finished. */
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  /** Finished by an earlier, interrupted run (counted in `done`). */
  resumed: z.number().int().min(0),
  /** Why the batch stopped, when it failed. */
  error: z.string().optional(),
});
export type CertificatesStatus = z.infer<typeof certificatesStatusSchema>;

export const courseCertificatesStartChannel = defineChannel('course-delivery:certificates-start', certificatesStartInputSchema, certificatesStatusSchema);

export const courseCertificatesStatusChannel = defineChannel('course-delivery:certificates-status', z.object({ caseId: idSchema }), certificatesStatusSchema);
