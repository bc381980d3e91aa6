import { z } from 'zod';
import { isoDate } from '../domain/case/case.schema';
import { courseDeliveryDetailsSchema } from '../domain/course-delivery/course-delivery.schema';
import { documentHeadSchema, staffSchema } from './letter-parts.schema';

const courseOfCase = courseDeliveryDetailsSchema.shape.course;

/** Longest certificate text: what still fits on the certificate's one page with everything else. */
export const MAX_CERTIFICATE_TEXT = 2000;

/** The course as the certificate names it: its extent in credits, in hours, or both. */
export const certificateCourseSchema = z
  .object({
    code: courseOfCase.shape.code,
    name: courseOfCase.shape.name,
    /** Studiepoeng; absent for a course without credits. */
    credits: z.number().gt(0).max(60).optional(),
    /** Hours of teaching (timer); absent when the extent is given in credits only. */
    hours: z.number().int().min(1).max(2000).optional(),
    startDate: isoDate,
    endDate: isoDate,
  })
  .refine((course) => course.credits !== undefined || course.hours !== undefined, {
    message: 'A certificate states the course’s extent in credits or hours',
    path: ['credits'],
  })
  .refine((course) => course.startDate <= course.endDate, { message: 'The course ends before it starts', path: ['endDate'] });
export type CertificateCourse = z.infer<typeof certificateCourseSchema>;

/**
 * The course certificate (kursbevis) of one participant who passed a further-education course:
 * who (name, birth date), which course, its extent and dates, and the department head's
 * certificate text (the competence the course gives), issued in the institution's name.
 * `caseNumber` is the course case's; `date` the day it is issued.
 */
export const courseCertificateInputSchema = documentHeadSchema.extend({
  participant: z.object({
    name: z.string().min(1).max(200),
    birthDate: isoDate,
  }),
  course: certificateCourseSchema,
  certificateText: z.string().trim().min(1).max(MAX_CERTIFICATE_TEXT),
  /** Who issues the certificate: the department head who wrote the text. */
  issuedBy: staffSchema,
});
export type CourseCertificateInput = z.infer<typeof courseCertificateInputSchema>;
