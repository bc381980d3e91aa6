import { z } from 'zod';
import { idSchema } from '../../../../src-shared/domain/case/case.schema';
import { courseDeliveryDetailsSchema } from '../../../../src-shared/domain/course-delivery';

export interface NewCourseFormMessages {
  endBeforeStart: string;
  deadlineNotBeforeStart: string;
}

/**
 * The "Planlegg nytt kurs" form: the shared details' course and registration parts as they are,
 * the teaching resource by user id and the department; the end not before the start, and a
 * registration (when set up) closing before the course starts.
 */
export function newCourseFormSchema(messages: NewCourseFormMessages) {
  const { course, registration } = courseDeliveryDetailsSchema.shape;
  return z
    .object({
      department: idSchema,
      course: course.refine((c) => c.endDate >= c.startDate, { path: ['endDate'], message: messages.endBeforeStart }),
      teacherId: idSchema,
      registration,
    })
    .refine((form) => !form.registration || form.registration.deadline < form.course.startDate, {
      path: ['registration', 'deadline'],
      message: messages.deadlineNotBeforeStart,
    });
}

export type NewCourseForm = z.infer<ReturnType<typeof newCourseFormSchema>>;
