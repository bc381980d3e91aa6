import { z } from 'zod';
import { addDays } from '../../../../src-shared/domain/calendar/iso-date';
import { registrationFields, type RegistrationSetup } from '../../../../src-shared/domain/course-delivery/participants';
import type { CourseDeliveryDetails } from '../../../../src-shared/domain/course-delivery';

export interface SetupFormMessages {
  capacity: string;
  belowAdmitted: (admitted: number) => string;
  deadline: string;
}

/** The registration set-up form: the shared schema's limits, with the messages in the UI language, and no fewer places than already admitted. */
export function setupFormSchema(admitted: number, messages: SetupFormMessages) {
  return z.object({
    capacity: z
      .number({ error: messages.capacity })
      .int(messages.capacity)
      .min(1, messages.capacity)
      .max(1000, messages.capacity)
      .refine((capacity) => capacity >= admitted, messages.belowAdmitted(admitted)),
    deadline: z.iso.date({ error: messages.deadline }),
    fields: z.array(z.enum(registrationFields)),
  }) satisfies z.ZodType<RegistrationSetup>;
}

/** Weeks before the start a new registration closes. */
const DEADLINE_DAYS_BEFORE_START = 21;

/** The form's start: the course's set-up, else 20 places closing three weeks before the start, asking what invoicing needs. */
export function setupDefaults(details: Pick<CourseDeliveryDetails, 'registration' | 'course'>): RegistrationSetup {
  return (
    details.registration ?? {
      capacity: 20,
      deadline: addDays(details.course.startDate, -DEADLINE_DAYS_BEFORE_START),
      fields: ['phone', 'employer', 'invoiceAddress'],
    }
  );
}
