import { z } from 'zod';
import { idSchema, isoTimestamp } from '../case/case.schema';
import type { RankedApplication } from './ranking';
import { rankingCriterionKinds } from './ranking.schema';

/**
 * A ranking run's result for one application, as its nomination case records it (the `rank`
 * step): its position at each choice, the offer it was given or none, and why, with the run that
 * produced it. The schemas mirror `RankedApplication` (ranking.ts); ranking-record.test.ts keeps
 * their types equal.
 */
const offerCode = z.string().min(1).max(40);
const priority = z.number().int().min(1).max(10);
const position = z.number().int().min(1).max(200_000);
const criterion = z.enum(rankingCriterionKinds);
const score = z.number().min(0).max(1);

export const rankDecisionSchema = z.discriminatedUnion('by', [
  z.object({ by: z.literal('missingValues'), criteria: z.array(criterion).max(rankingCriterionKinds.length) }),
  z.object({ by: z.literal('score'), score, aboveScore: score, mainCriterion: criterion }),
  z.object({ by: z.literal('criterion'), criterion }),
  z.object({ by: z.literal('submittedFirst'), submittedAt: isoTimestamp, aboveSubmittedAt: isoTimestamp }),
  z.object({ by: z.literal('applicationId') }),
]);

export const rankingReasonSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('position'),
    offer: offerCode,
    priority,
    position,
    of: position,
    above: z.object({ id: idSchema, decision: rankDecisionSchema }).optional(),
  }),
  z.object({ kind: z.literal('offered'), offer: offerCode, priority }),
  z.object({
    kind: z.literal('notReached'),
    offer: offerCode,
    priority,
    position,
    capacity: z.number().int().min(0).max(100_000),
    lastOfferedPosition: position.optional(),
  }),
  z.object({ kind: z.literal('betterChoiceOffered'), offer: offerCode, priority }),
]);

export const recordedRankingSchema = z
  .object({
    /** The ranking run: one admission's applications ranked together at one moment. */
    run: z.object({ id: idSchema, at: isoTimestamp }),
    /** Position at each chosen offer (1 best), choices in priority order. */
    positions: z
      .array(z.object({ offer: offerCode, priority, position }))
      .min(1)
      .max(10),
    /** The offer the run gave the application, or null: not reached at any choice. */
    offered: offerCode.nullable(),
    reasons: z.array(rankingReasonSchema).max(40),
  })
  .refine((ranking) => ranking.offered === null || ranking.positions.some((at) => at.offer === ranking.offered), {
    message: 'The offered offer must be one of the ranked choices',
    path: ['offered'],
  });
export type RecordedRanking = z.infer<typeof recordedRankingSchema>;

/** The case's record of one application's result in a ranking run. */
export function recordRanking(application: RankedApplication, run: RecordedRanking['run']): RecordedRanking {
  return { run, positions: application.positions, offered: application.offered, reasons: application.reasons };
}
