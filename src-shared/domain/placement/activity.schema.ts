import { z } from 'zod';
import { idSchema, isoDate, isoTimestamp } from '../case/case.schema';

/**
 * A placement activity (praksisaktivitet): a placement course's period with its classes, their
 * teachers, the requirements students must meet, the students to place with what the distribution
 * weighs (wishes, home municipality, earlier sites), and the distribution being worked on. Kept by
 * the placement administrator in the `activities` collection; the orders to sites are placement
 * cases that name the activity (`details.activity.id`). Sites never receive an activity.
 */
const name = z.string().trim().min(1).max(200);
const className = z
  .string()
  .min(1)
  .max(5)
  .regex(/^[A-Z]{1,5}$/, 'a class name like A or B');
const siteId = z.string().min(1).max(100);

export const activityClassSchema = z.object({
  name: className,
  /** The institution's teacher (underviser) for the class, from the staff directory. */
  teacher: z.object({ userId: idSchema, name, email: z.email().max(200).optional() }).optional(),
});

export const activityStudentSchema = z.object({
  personId: idSchema,
  name,
  email: z.email().max(200).optional(),
  className,
  /** The activity's requirements the student meets (by their text). */
  requirementsMet: z.array(z.string().min(1).max(300)).max(20),
  /** Sites (organisation site ids) the student wishes, first wish first. */
  wishes: z.array(siteId).max(5),
  homeMunicipality: z.string().max(100),
  /** Sites the student has had placements at before. */
  earlierSites: z.array(siteId).max(20),
});
export type ActivityStudent = z.infer<typeof activityStudentSchema>;

/** What the distribution weighs: hard rules on or off, and the soft rules' weights (0: ignored). */
export const distributionRulesSchema = z.object({
  /** Hard: never the same site as the student's earlier placement. */
  avoidEarlierSites: z.boolean(),
  /** Soft: cost per step down the student's list of wishes (an unwished site costs one step more than the last wish). */
  wishWeight: z.number().int().min(0).max(100),
  /** Soft: cost of a site outside the student's home municipality. */
  travelWeight: z.number().int().min(0).max(100),
  /** Soft: cost per student beyond a site's fair share of the students (spreads them over the sites; absent: 0). */
  spreadWeight: z.number().int().min(0).max(100).optional(),
});
export type DistributionRules = z.infer<typeof distributionRulesSchema>;

/** One student's place in the distribution being worked on: the order (a placement case) and the supervisor. */
export const activityAssignmentSchema = z.object({
  personId: idSchema,
  orderId: idSchema,
  supervisorId: idSchema,
  /** Set by hand: kept as it is when the distribution is run again. */
  locked: z.boolean(),
  cost: z.number().min(0).max(1_000_000),
  /** Why this site, in plain words (from the solver's explanation). */
  why: z.object({ nb: z.string().max(2000), en: z.string().max(2000) }),
});
export type ActivityAssignment = z.infer<typeof activityAssignmentSchema>;

export const activityDistributionSchema = z.object({
  ranAt: isoTimestamp,
  status: z.enum(['optimal', 'infeasible']),
  totalCost: z.number().min(0).max(1_000_000_000).nullable(),
  /** What blocks whom, when infeasible. */
  blocking: z.string().max(4000).nullable(),
  assignments: z.array(activityAssignmentSchema).max(600),
  /** When the distribution was last published to the sites (each order's distributeStudents step). */
  publishedAt: isoTimestamp.optional(),
});
export type ActivityDistribution = z.infer<typeof activityDistributionSchema>;

export const placementActivitySchema = z.object({
  id: idSchema,
  /** Who receives it: the institution's staff; who keeps it: its placement administrators. */
  institution: z.string().min(1).max(100),
  department: z.string().min(1).max(100),
  courseCode: z.string().min(1).max(20),
  courseName: name,
  from: isoDate,
  to: isoDate,
  classes: z.array(activityClassSchema).min(1).max(26),
  requirements: z.array(z.string().trim().min(1).max(300)).max(20),
  rules: distributionRulesSchema,
  students: z.array(activityStudentSchema).max(600),
  distribution: activityDistributionSchema.optional(),
  createdBy: idSchema,
  updatedAt: isoTimestamp,
});
export type PlacementActivity = z.infer<typeof placementActivitySchema>;

export const defaultDistributionRules: DistributionRules = { avoidEarlierSites: true, wishWeight: 10, travelWeight: 5, spreadWeight: 2 };
