import type { Case } from '../../../src-shared/domain/case/case.schema';
import { courseDeliveryDetailsSchema, MAX_PARTICIPANTS, type CourseDeliveryDetails } from '../../../src-shared/domain/course-delivery/course-delivery.schema';
import { placesLeft, registrationOpen, type RegistrationSetup } from '../../../src-shared/domain/course-delivery/participants';
import type { PublicCourse } from '../../../src-shared/portal/course-registration.contract';
import type { ServerSteps } from '../../cases/server-steps';
import { HttpError } from '../../http/http-error';

/** The statuses a course takes registrations in (the workflow's registerParticipant rules). */
const REGISTERING = ['published', 'lmsReady'];

export type OpenCourse = { id: string; details: CourseDeliveryDetails & { registration: RegistrationSetup } };

/**
 * The course case behind a public registration page: a course delivery, published and not yet
 * past its LMS set-up, with a registration set up. Anything else — another case type, a course
 * still planned or already under way — is 404, as an unknown id: the page tells nothing of it.
 */
export async function openCourse(steps: ServerSteps, caseId: string): Promise<OpenCourse> {
  const c: Case | undefined = await steps.caseById(caseId);
  const details = c?.type === 'courseDelivery' && REGISTERING.includes(c.status) ? courseDeliveryDetailsSchema.safeParse(c.details).data : undefined;
  if (!c || !details?.registration) throw new HttpError(404, 'not-found', 'not-found', 'No course takes registrations here');
  return { id: c.id, details: { ...details, registration: details.registration } };
}

/** Before the deadline, with room left on the case for one more registration. */
export function takesRegistrations(course: OpenCourse, now: Date): boolean {
  return registrationOpen(course.details.registration, now) && (course.details.participants?.length ?? 0) < MAX_PARTICIPANTS;
}

/** What the registration page shows: the course, its price and dates, the deadline, places left; no participant. */
export function publicCourse(course: OpenCourse, now: Date): PublicCourse {
  const { registration, participants = [] } = course.details;
  return {
    ...course.details.course,
    caseId: course.id,
    deadline: registration.deadline,
    placesLeft: Math.max(0, placesLeft(registration, participants)),
    fields: registration.fields,
    open: takesRegistrations(course, now),
  };
}
