import { z } from 'zod';
import { idSchema, isoDate, isoTimestamp } from '../domain/case/case.schema';
import { placementDetailsSchema, placementStatusSchema } from '../domain/placement/placement.schema';

/**
 * A placement site's side of the portal (`/portal/api/site/…`): the orders for placement capacity
 * sent to the coordinator's sites, their staffing, the students distributed to them and the
 * supervisor change requests, and nothing internal (no notes, assignees or other sites).
 */
const details = placementDetailsSchema.shape;
const name = z.string().min(1).max(200);
const email = z.email().max(200).optional();
const contact = z.object({ userId: idSchema, name, email });

/** What the site asked for a student: another supervisor, waiting for or with the institution's decision. */
export const siteChangeRequestSchema = z.object({
  id: idSchema,
  from: contact,
  to: contact,
  reason: z.string().max(2000),
  requestedAt: isoTimestamp,
  state: z.enum(['waiting', 'approved', 'refused']),
  /** The institution's comment, once decided. */
  comment: z.string().max(2000).optional(),
  decidedAt: isoTimestamp.optional(),
});
export type SiteChangeRequest = z.infer<typeof siteChangeRequestSchema>;

/** A student distributed to the site: their supervisor and the institution's teacher, with contact details. */
export const siteStudentSchema = z.object({
  personId: idSchema,
  name,
  email,
  className: z.string().min(1).max(5),
  supervisor: contact,
  teacher: z.object({ name, email }).optional(),
  changeRequests: z.array(siteChangeRequestSchema).max(200),
});
export type SiteStudent = z.infer<typeof siteStudentSchema>;

export const siteOrderSchema = z.object({
  id: z.string().min(1).max(100),
  caseNumber: z.string().max(20),
  status: placementStatusSchema,
  activity: details.activity,
  site: details.site,
  requestedPlaces: z.number().int().min(1).max(1000),
  sentAt: isoTimestamp.optional(),
  confirmedPlaces: z.number().int().min(1).max(1000).optional(),
  declineReason: z.string().max(2000).optional(),
  /** Coordinator and supervisors per class, once the site has added them. */
  staffing: details.staffing,
  /** The students distributed to the site (empty before distribution). */
  students: z.array(siteStudentSchema).max(1000),
});
export type SiteOrder = z.infer<typeof siteOrderSchema>;
export const siteOrdersSchema = z.object({ orders: z.array(siteOrderSchema) });

/** `POST /portal/api/site/orders/:id/confirm`: the places the site offers. */
export const siteConfirmSchema = z.strictObject({ places: z.number().int().min(1).max(1000) });
/** `POST /portal/api/site/orders/:id/decline`: no capacity, with the reason. */
export const siteDeclineSchema = z.strictObject({ reason: z.string().trim().min(1).max(2000) });
export const siteOrderRefSchema = z.strictObject({ id: z.string().min(1).max(100) });

/** A user of the coordinator's sites (an account with the role siteCoordinator and/or siteSupervisor). */
export const siteUserSchema = z.object({
  userId: idSchema,
  name,
  email,
  roles: z.array(z.enum(['siteCoordinator', 'siteSupervisor'])).min(1),
  /** Which of the coordinator's sites the user belongs to. */
  sites: z.array(z.string().min(1).max(100)).min(1),
});
export type SiteUser = z.infer<typeof siteUserSchema>;
/** `GET /portal/api/site/users`. */
export const siteUsersSchema = z.object({ users: z.array(siteUserSchema) });

/** `PUT /portal/api/site/orders/:id/staffing`: per class the coordinator and the supervisors (with a limit each), by user id. */
export const siteStaffingSchema = z.strictObject({
  staffing: z
    .array(
      z.strictObject({
        className: z.string().min(1).max(5),
        coordinatorId: idSchema,
        supervisors: z
          .array(z.strictObject({ userId: idSchema, limit: z.number().int().min(1).max(20) }))
          .min(1)
          .max(100),
      }),
    )
    .min(1)
    .max(26),
});
export type SiteStaffing = z.infer<typeof siteStaffingSchema>;

/** `POST /portal/api/site/orders/:id/supervisor-changes`: ask for another supervisor of the student's class. */
export const siteChangeRequestInputSchema = z.strictObject({
  personId: idSchema,
  toId: idSchema,
  reason: z.string().trim().min(1).max(2000),
});
export type SiteChangeRequestInput = z.infer<typeof siteChangeRequestInputSchema>;

/** A student in placement at one of the site's orders, for the now / upcoming / past lists. */
export const sitePlacedStudentSchema = siteStudentSchema.omit({ changeRequests: true }).extend({
  orderId: z.string().min(1).max(100),
  courseCode: z.string().min(1).max(20),
  courseName: name,
  from: isoDate,
  to: isoDate,
  site: details.site,
});
export type SitePlacedStudent = z.infer<typeof sitePlacedStudentSchema>;
/** `GET /portal/api/site/students?today=…`: the site's students by the placement period vs today (default the server's). */
export const siteStudentsQuerySchema = z.strictObject({ today: isoDate.optional() });
export const siteStudentsSchema = z.object({
  today: isoDate,
  now: z.array(sitePlacedStudentSchema),
  upcoming: z.array(sitePlacedStudentSchema),
  past: z.array(sitePlacedStudentSchema),
});
export type SiteStudents = z.infer<typeof siteStudentsSchema>;

/** Places the site offers per site and unit: the confirmed capacity of its live orders, and the unit's own capacity where known. */
export const sitePlacesSchema = z.object({
  places: z.array(
    z.object({
      siteId: z.string().min(1).max(100),
      siteName: name,
      unit: z.string().max(200),
      confirmedPlaces: z.number().int().min(0),
      orders: z.number().int().min(0),
      unitCapacity: z.number().int().min(0).optional(),
    }),
  ),
});
export type SitePlaces = z.infer<typeof sitePlacesSchema>;
