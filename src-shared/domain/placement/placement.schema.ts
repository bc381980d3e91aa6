import { z } from 'zod';
import { idSchema, isoDate, isoTimestamp } from '../case/case.schema';

/** Workflow states of a placement order (praksisbestilling) to one site, in process order. */
export const placementStatuses = [
  'draft',
  'ordered',
  'capacityConfirmed',
  'staffed',
  'studentsDistributed',
  'inProgress',
  'completed',
  'declined',
  'cancelled',
] as const;
export type PlacementStatus = (typeof placementStatuses)[number];
export const placementStatusSchema = z.enum(placementStatuses);
export const placementTerminalStatuses = ['completed', 'declined', 'cancelled'] as const satisfies readonly PlacementStatus[];

export const placementStatusLabels: Record<PlacementStatus, { nb: string; en: string }> = {
  draft: { nb: 'Utkast', en: 'Draft' },
  ordered: { nb: 'Bestilt', en: 'Ordered' },
  capacityConfirmed: { nb: 'Kapasitet bekreftet', en: 'Capacity confirmed' },
  staffed: { nb: 'Veiledere lagt inn', en: 'Supervisors assigned' },
  studentsDistributed: { nb: 'Studenter fordelt', en: 'Students distributed' },
  inProgress: { nb: 'I praksis', en: 'In placement' },
  completed: { nb: 'Gjennomført', en: 'Completed' },
  declined: { nb: 'Ingen kapasitet', en: 'No capacity' },
  cancelled: { nb: 'Kansellert', en: 'Cancelled' },
};

/** A person the site or the institution names on an order: an account, with how to reach them. */
export const placementContactSchema = z.object({
  userId: idSchema,
  name: z.string().min(1).max(200),
  email: z.email().max(200).optional(),
});
export type PlacementContact = z.infer<typeof placementContactSchema>;

/** A site's supervisor for a class, with how many students they take at most. */
export const placementSupervisorSchema = placementContactSchema.extend({ limit: z.number().int().min(1).max(20) });

/** A site's request to change a student's supervisor; only the institution's decision changes it (seed 004). */
export const supervisorChangeRequestSchema = z.object({
  id: idSchema,
  personId: idSchema,
  fromId: idSchema,
  toId: idSchema,
  reason: z.string().min(1).max(2000),
  requestedBy: idSchema,
  requestedAt: isoTimestamp,
});
export type SupervisorChangeRequest = z.infer<typeof supervisorChangeRequestSchema>;

/** The institution's answer to a change request (kept apart: the site writes requests, the institution decisions). */
export const supervisorChangeDecisionSchema = z.object({
  requestId: idSchema,
  approved: z.boolean(),
  by: idSchema,
  at: isoTimestamp,
  comment: z.string().max(2000),
});
export type SupervisorChangeDecision = z.infer<typeof supervisorChangeDecisionSchema>;

/**
 * One order for placement capacity sent to one site for a placement activity (several orders to
 * the same site for one activity are separate cases, each answered on its own). The case's
 * `cohort` field holds the site's partner id (the access scope of the site's users).
 */
export const placementDetailsSchema = z.object({
  activity: z.object({
    /** The placement activity (the `activities` collection) the order belongs to. */
    id: idSchema.optional(),
    courseCode: z.string().min(1).max(20),
    courseName: z.string().min(1).max(200),
    from: isoDate,
    to: isoDate,
    /** Classes A, B, … the order is for (one class, or all of the activity's). */
    classes: z.array(z.string().min(1).max(5)).min(1).max(26),
    /** Requirements the students sent must meet, e.g. they must have passed English. */
    requirements: z.array(z.string().min(1).max(300)).max(20),
    /** The institution's teacher (underviser) per class, the site's contact for the students. */
    teachers: z
      .array(z.object({ className: z.string().min(1).max(5), name: z.string().min(1).max(200), email: z.email().max(200).optional() }))
      .max(26)
      .optional(),
  }),
  site: z.object({ id: z.string().min(1).max(100), name: z.string().min(1).max(200), unit: z.string().max(200) }),
  order: z.object({ requestedPlaces: z.number().int().min(1).max(1000), sentAt: isoTimestamp.optional() }),
  capacity: z.object({ places: z.number().int().min(1).max(1000), confirmedAt: isoTimestamp, confirmedBy: idSchema }).optional(),
  /** Coordinator and supervisors per class, picked from the site's users (the same person may be both). */
  staffing: z
    .array(
      z.object({
        className: z.string().min(1).max(5),
        coordinator: placementContactSchema,
        supervisors: z.array(placementSupervisorSchema).min(1).max(100),
      }),
    )
    .max(26)
    .optional(),
  distribution: z
    .object({
      sharedAt: isoTimestamp,
      students: z
        .array(
          z.object({
            personId: idSchema,
            name: z.string().min(1).max(200),
            email: z.email().max(200).optional(),
            className: z.string().min(1).max(5),
            /** The supervisor's user id (one of the class's supervisors in `staffing`). */
            supervisorId: idSchema,
          }),
        )
        .min(1)
        .max(1000),
    })
    .optional(),
  supervisorChangeRequests: z.array(supervisorChangeRequestSchema).max(200),
  supervisorChangeDecisions: z.array(supervisorChangeDecisionSchema).max(200),
  startedAt: isoTimestamp.optional(),
  completedAt: isoTimestamp.optional(),
  declined: z.object({ declinedAt: isoTimestamp, reason: z.string().max(2000) }).optional(),
  cancelled: z.object({ cancelledAt: isoTimestamp, reason: z.string().max(2000) }).optional(),
});
export type PlacementDetails = z.infer<typeof placementDetailsSchema>;
