import { z } from 'zod';
import { assessmentValuesSchema, type AssessmentValues, type NominationAssessment } from '../../../src-shared/domain/nomination/assessment';

/**
 * The case officer's assessment form: every value optional (a blank field is "not assessed"),
 * numbers as typed; the values go to the `assess` step exactly as the shared schema takes them.
 */
const optionalNumber = z.preprocess((value) => (value === '' || value === null || value === undefined ? undefined : Number(value)), z.number().optional());
const optionalText = z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), z.string().trim().optional());

export const assessmentFormSchema = z
  .object({
    gradeAverage: optionalNumber,
    committeeScore: optionalNumber,
    motivationScore: optionalNumber,
    progress: optionalNumber,
    isced: optionalText,
    eqf: optionalNumber,
  })
  .pipe(assessmentValuesSchema);
export type AssessmentFormInput = z.input<typeof assessmentFormSchema>;

/** The form's fields filled from the recorded assessment (blank where none). */
export function assessmentFormValues(assessment: NominationAssessment | undefined): Record<keyof AssessmentValues, string> {
  const text = (value: number | string | undefined) => (value === undefined ? '' : String(value));
  return {
    gradeAverage: text(assessment?.gradeAverage),
    committeeScore: text(assessment?.committeeScore),
    motivationScore: text(assessment?.motivationScore),
    progress: text(assessment?.progress),
    isced: text(assessment?.isced),
    eqf: text(assessment?.eqf),
  };
}
