import { z } from 'zod';
import { idSchema, isoDate, isoTimestamp } from '../../case/case.schema';

/**
 * Participants of a further-education course: who registered on the course's public page, what
 * the course asked them for, and the department head's decision. Kept on the course's case (a
 * course takes tens, at most a few hundred); the registration is taken by the server, the decisions
 * in the app.
 */

/** What a course may ask besides name, birth date and e-mail (the invoicing basis needs the employer's details). */
export const registrationFields = ['phone', 'employer', 'invoiceAddress', 'education'] as const;
export type RegistrationField = (typeof registrationFields)[number];

export const registrationFieldLabels: Record<RegistrationField, { nb: string; en: string }> = {
  phone: { nb: 'Telefon', en: 'Phone' },
  employer: { nb: 'Arbeidsgiver', en: 'Employer' },
  invoiceAddress: { nb: 'Fakturaadresse', en: 'Invoice address' },
  education: { nb: 'Utdanning', en: 'Education' },
};

/** The course's registration: places, deadline and the fields it asks for. */
export const registrationSetupSchema = z.object({
  capacity: z.number().int().min(1).max(1000),
  deadline: isoDate,
  fields: z.array(z.enum(registrationFields)).max(registrationFields.length),
});
export type RegistrationSetup = z.infer<typeof registrationSetupSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);

/** What a participant writes on the registration page (checked against the course's fields). */
export const registrationInputSchema = z.strictObject({
  name: text(200),
  birthDate: isoDate,
  email: z.email().max(200),
  phone: z
    .string()
    .trim()
    .max(20)
    .regex(/^\+?[0-9 ]{8,20}$/, 'a phone number')
    .optional(),
  employer: text(200).optional(),
  invoiceAddress: z
    .strictObject({
      name: text(200),
      /** Norwegian organisation number (9 digits), when the employer pays. */
      organisationNumber: z
        .string()
        .max(9)
        .regex(/^\d{9}$/, 'nine digits')
        .optional(),
      address: text(300),
      reference: z.string().trim().max(100).optional(),
    })
    .optional(),
  education: text(1000).optional(),
});
export type RegistrationInput = z.infer<typeof registrationInputSchema>;

export const participantStatuses = ['registered', 'admitted', 'waitlisted', 'rejected', 'withdrawn'] as const;
export type ParticipantStatus = (typeof participantStatuses)[number];

export const participantStatusLabels: Record<ParticipantStatus, { nb: string; en: string }> = {
  registered: { nb: 'Påmeldt', en: 'Registered' },
  admitted: { nb: 'Tatt opp', en: 'Admitted' },
  waitlisted: { nb: 'På venteliste', en: 'Waitlisted' },
  rejected: { nb: 'Ikke tatt opp', en: 'Not admitted' },
  withdrawn: { nb: 'Trukket', en: 'Withdrawn' },
};

export const participantSchema = registrationInputSchema.extend({
  id: idSchema,
  registeredAt: isoTimestamp,
  status: z.enum(participantStatuses),
  /** The department head's decision (admitted, waitlisted, rejected). */
  decision: z.object({ at: isoTimestamp, by: idSchema, reason: z.string().trim().max(1000).optional() }).optional(),
});
export type Participant = z.infer<typeof participantSchema>;
