import { z } from 'zod';

/**
 * The solver's result as zod (the IPC channel's output is parsed with it): the same shape as the
 * `DistributionResult` type, with the explanations the app shows.
 */
const id = z.string().min(1).max(200);
const text = z.object({ nb: z.string(), en: z.string() });

export const distributionExplanationSchema = z.object({
  student: id,
  site: id,
  cost: z.number(),
  cheapestCost: z.number(),
  reason: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('locked') }),
    z.object({ kind: z.literal('cheapest') }),
    z.object({
      kind: z.literal('full'),
      cheaper: z.array(z.object({ site: id, cost: z.number(), increase: z.number().nullable(), free: z.boolean().optional() })),
    }),
  ]),
  text,
});

const blockingSchema = z.object({
  constraint: z.enum(['lockedNotAllowed', 'lockedToSeveralSites', 'noAllowedSite', 'lockedOverCapacity', 'totalCapacity', 'tooFewPlaces']),
  students: z.array(id),
  sites: z.array(id),
  message: z.string(),
});

export const distributionResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('optimal'),
    totalCost: z.number(),
    assignments: z.array(z.object({ student: id, site: id, supervisor: id })),
    blocking: z.null(),
    explanations: z.array(distributionExplanationSchema).optional(),
  }),
  z.object({
    status: z.literal('infeasible'),
    totalCost: z.null(),
    assignments: z.tuple([]),
    blocking: z.string(),
    blockingDetail: z.array(blockingSchema),
  }),
]);
