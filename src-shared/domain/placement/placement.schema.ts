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

/**
 * One order for placement capacity sent to one site for a placement activity. The case's
 * `cohort` field holds the site's partner id (the access scope of the site's users).
 */
export const placementDetailsSchema = z.object({
  activity: z.object({
    courseCode: z.string().min(1).max(20),
    courseName: z.string().min(1).max(200),
    from: isoDate,
    to: isoDate,
    /** Classes A, B, … of the activity. */
    classes: z.array(z.string().min(1).max(5)).min(1).max(26),
    /** Requirements set on the activity, e.g. students must have English. */
    requirements: z.array(z.string().min(1).max(300)).max(20),
  }),
  site: z.object({ id: z.string().min(1).max(100), name: z.string().min(1).max(200), unit: z.string().max(200) }),
  order: z.object({ requestedPlaces: z.number().int().min(1).max(1000), sentAt: isoTimestamp.optional() }),
  capacity: z.object({ places: z.number().int().min(1).max(1000), confirmedAt: isoTimestamp, confirmedBy: idSchema }).optional(),
  /** Coordinator and supervisors per class (the same person may be both). */
  staffing: z
    .array(
      z.object({
        className: z.string().min(1).max(5),
        coordinatorName: z.string().min(1).max(200),
        supervisorNames: z.array(z.string().min(1).max(200)).min(1).max(100),
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
            personId: idSchema.optional(),
            name: z.string().min(1).max(200),
            className: z.string().min(1).max(5),
            supervisorName: z.string().min(1).max(200),
          }),
        )
        .min(1)
        .max(1000),
    })
    .optional(),
  /** A site may change a student's supervisor only as agreed with the institution (seed 004). */
  supervisorChanges: z
    .array(
      z.object({
        studentName: z.string().min(1).max(200),
        from: z.string().min(1).max(200),
        to: z.string().min(1).max(200),
        agreedWith: z.string().min(1).max(200),
        changedAt: isoTimestamp,
      }),
    )
    .max(200),
  startedAt: isoTimestamp.optional(),
  completedAt: isoTimestamp.optional(),
  declined: z.object({ declinedAt: isoTimestamp, reason: z.string().max(2000) }).optional(),
  cancelled: z.object({ cancelledAt: isoTimestamp, reason: z.string().max(2000) }).optional(),
});
export type PlacementDetails = z.infer<typeof placementDetailsSchema>;
