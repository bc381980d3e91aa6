import { z } from 'zod';
import { concernKinds, concernReportSchema } from '../../../src-shared/domain/follow-up/follow-up.schema';

/**
 * The teacher's concern report (seed 001, step 1), from the shared report schema; the reporter,
 * the time and the course's name are added when it is sent.
 */
export const concernReportFormSchema = z.object({
  studentId: z.string().min(1),
  cohort: z.string().min(1),
  courseCode: concernReportSchema.shape.course.shape.code,
  concerns: z.array(z.enum(concernKinds)).min(1).max(concernKinds.length),
  description: concernReportSchema.shape.description,
  coursework: concernReportSchema.shape.coursework,
  absencePercent: concernReportSchema.shape.absencePercent,
});
export type ConcernReportFormInput = z.input<typeof concernReportFormSchema>;
export type ConcernReportFormValues = z.output<typeof concernReportFormSchema>;
