import { z } from 'zod';
import { isoDate } from '../domain/case/case.schema';
import { courseDeliveryDetailsSchema } from '../domain/course-delivery/course-delivery.schema';
import { documentHeadSchema, staffSchema } from './letter-parts.schema';
import { drawnSignatureSchema } from './protocol.schema';

export const COURSE_CONTRACT_TITLE = 'Kontrakt om undervisning';

/** Longest fee text: what the contract's fee paragraph holds with the rest on two pages. */
export const MAX_CONTRACT_FEE_TEXT = 1500;

/** The course as the case holds it (code, name, credits, sessions, dates, participants' price). */
export const contractCourseSchema = courseDeliveryDetailsSchema.shape.course.refine((course) => course.startDate <= course.endDate, {
  message: 'The course ends before it starts',
  path: ['endDate'],
});

/**
 * The teaching resource's (undervisningsressurs) contract for one further-education course: the
 * parties (the institution's department, represented by its head, and the teaching resource), the
 * course, the duties the seed's flowchart gives the teaching resource, the fee and how it is
 * invoiced, and by when it is signed. `teachingResourceSignature` is the teaching resource's
 * drawn signature when they sign on screen (without it, they sign with a certificate, or not yet).
 */
export const courseContractInputSchema = documentHeadSchema
  .extend({
    course: contractCourseSchema,
    teachingResource: z.object({ name: staffSchema.shape.name, email: z.string().max(200) }),
    departmentHead: staffSchema,
    /** The fee and its basis, as the contract states it (invoicing by EHF is a fixed term). */
    fee: z.string().trim().min(1).max(MAX_CONTRACT_FEE_TEXT),
    /** The signed contract is back with the department head by this day. */
    signBy: isoDate,
    teachingResourceSignature: drawnSignatureSchema.optional(),
  })
  .refine((contract) => contract.date <= contract.signBy, { message: 'The contract must be signed by a day after it is sent', path: ['signBy'] });
export type CourseContractInput = z.infer<typeof courseContractInputSchema>;
