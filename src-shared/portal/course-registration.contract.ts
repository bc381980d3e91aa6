import { z } from 'zod';
import { idSchema, isoDate } from '../domain/case/case.schema';
import { courseDeliveryDetailsSchema } from '../domain/course-delivery/course-delivery.schema';
import { participantStatuses, registrationFields } from '../domain/course-delivery/participants/participant.schema';

/**
 * A course's public registration page (`/portal/api/courses/…`, no sign-in): what a person needs
 * to register and nothing more — the course's facts and price, the deadline, places left and the
 * fields asked for; never a participant, a name or anything internal to the case.
 */
export const courseParamsSchema = z.strictObject({ caseId: idSchema });

export const publicCourseSchema = courseDeliveryDetailsSchema.shape.course.extend({
  caseId: idSchema,
  deadline: isoDate,
  /** Places not yet taken by an admitted participant; 0 is full (a registration may still be waitlisted). */
  placesLeft: z.number().int().min(0),
  fields: z.array(z.enum(registrationFields)),
  /** Registration still taken (before the deadline, the deadline day included). */
  open: z.boolean(),
});
export type PublicCourse = z.infer<typeof publicCourseSchema>;

export const courseRegisteredSchema = z.object({ participantId: idSchema, status: z.enum(participantStatuses) });
export type CourseRegistered = z.infer<typeof courseRegisteredSchema>;

/** Why a registration was refused (the error's details): 410 closed, 422 a field missing, 409 the address already registered. */
export const courseRegistrationRefusals = ['closed', 'missing-field', 'already-registered'] as const;
export type CourseRegistrationRefusal = (typeof courseRegistrationRefusals)[number];
export const courseRegistrationRefusalSchema = z.object({ refusal: z.enum(courseRegistrationRefusals), field: z.enum(registrationFields).optional() });
