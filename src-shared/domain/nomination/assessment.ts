import type { z } from 'zod';
import { idSchema, isoTimestamp } from '../case/case.schema';
import { rankingApplicationSchema, type RankingApplication } from './ranking.schema';

/**
 * The case officer's assessment of an application: the values a ranking may rank by (seed 002,
 * "Rangering av innreisende utvekslingsstudenter") — grade average converted to 0–100, the
 * admission committee's score, the motivation letter's score, progress in the home programme (per
 * cent), and the applicant's study field (ISCED-F) and level (EQF) where the application gives them.
 * An assessment names only what has been assessed; a missing value is ranked as the admission's
 * criterion says.
 */
const values = rankingApplicationSchema.pick({
  isced: true,
  eqf: true,
  gradeAverage: true,
  committeeScore: true,
  motivationScore: true,
  progress: true,
});

export const assessmentValuesSchema = values.strict();
export type AssessmentValues = z.infer<typeof assessmentValuesSchema>;

export const nominationAssessmentSchema = values.extend({ assessedAt: isoTimestamp, assessedBy: idSchema });
export type NominationAssessment = z.infer<typeof nominationAssessmentSchema>;

/** The assessed values as the ranking reads them. */
export function rankingValues(assessment: NominationAssessment | undefined): Omit<RankingApplication, 'id' | 'submittedAt' | 'choices'> {
  if (!assessment) return {};
  const { assessedAt: _at, assessedBy: _by, ...ranked } = assessment;
  return ranked;
}
