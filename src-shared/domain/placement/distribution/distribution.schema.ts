import { z } from 'zod';
import type { DistributionExplanation } from './explain';

/**
 * The distribution instance of `npm run admin -- placement solve` (issue 12): students, sites with
 * capacity, supervisors with a limit of students each, the allowed student–site pairs with their
 * cost, and locked (manual) assignments. Unknown fields are ignored. Ids must be unique and every
 * reference must name a listed student or site; a pair may be listed once.
 */
const id = z.string().min(1).max(200);
const count = z.number().int().min(0).max(1_000_000);

export const distributionInstanceSchema = z
  .object({
    students: z.array(z.object({ id })).max(100_000),
    sites: z
      .array(
        z.object({
          id,
          capacity: count,
          /**
           * Spreading (an extra field, outside the acceptance format): every student beyond `free`
           * at this site adds `cost` to the total, so students spread over the sites.
           */
          spread: z.object({ free: count, cost: z.number().finite().min(0) }).optional(),
        }),
      )
      .max(100_000),
    supervisors: z.array(z.object({ id, site: id, limit: count })).max(100_000),
    costs: z.array(z.object({ student: id, site: id, cost: z.number().finite() })).max(5_000_000),
    locked: z
      .array(z.object({ student: id, site: id }))
      .max(100_000)
      .default([]),
  })
  .superRefine((instance, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const unique = (key: 'students' | 'sites' | 'supervisors') => {
      const seen = new Set<string>();
      instance[key].forEach(({ id: value }, index) => {
        if (seen.has(value)) issue([key, index, 'id'], `duplicate id "${value}"`);
        seen.add(value);
      });
      return seen;
    };
    const students = unique('students');
    const sites = unique('sites');
    unique('supervisors');
    instance.supervisors.forEach(({ site }, index) => {
      if (!sites.has(site)) issue(['supervisors', index, 'site'], `unknown site "${site}"`);
    });
    const pairs = new Set<string>();
    for (const key of ['costs', 'locked'] as const) {
      instance[key].forEach(({ student, site }, index) => {
        if (!students.has(student)) issue([key, index, 'student'], `unknown student "${student}"`);
        if (!sites.has(site)) issue([key, index, 'site'], `unknown site "${site}"`);
        if (key === 'costs') {
          const pair = JSON.stringify([student, site]);
          if (pairs.has(pair)) issue([key, index], `the pair "${student}"–"${site}" is listed twice`);
          pairs.add(pair);
        }
      });
    }
  });
export type DistributionInstance = z.infer<typeof distributionInstanceSchema>;

export interface DistributionAssignment {
  student: string;
  site: string;
  supervisor: string;
}

/** Which constraint makes the instance infeasible, and whom it blocks. */
export type BlockingConstraint = 'lockedNotAllowed' | 'lockedToSeveralSites' | 'noAllowedSite' | 'lockedOverCapacity' | 'totalCapacity' | 'tooFewPlaces';

export interface Blocking {
  constraint: BlockingConstraint;
  students: string[];
  sites: string[];
  /** One readable sentence naming the constraint, the students and the sites. */
  message: string;
}

/**
 * The result file. `blocking` is the sentence when infeasible (null when optimal); `blockingDetail`
 * is the same, structured (an extra field). Assignments are sorted by student id; `explanations`
 * (an extra field, when asked for) say why each student got their site.
 */
export type DistributionResult =
  | { status: 'optimal'; totalCost: number; assignments: DistributionAssignment[]; blocking: null; explanations?: DistributionExplanation[] }
  | { status: 'infeasible'; totalCost: null; assignments: []; blocking: string; blockingDetail: Blocking[] };
