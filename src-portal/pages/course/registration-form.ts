import { z } from 'zod';
import { registrationInputSchema, type RegistrationField, type RegistrationInput } from '../../../src-shared/domain/course-delivery/participants';

/** The form's inputs, all text as the browser gives them; only the fields the course asks for are shown. */
export interface RegistrationFormInput {
  name: string;
  birthDate: string;
  email: string;
  phone: string;
  employer: string;
  education: string;
  invoiceAddress: { name: string; organisationNumber: string; address: string; reference: string };
}

export const emptyRegistrationForm: RegistrationFormInput = {
  name: '',
  birthDate: '',
  email: '',
  phone: '',
  employer: '',
  education: '',
  invoiceAddress: { name: '', organisationNumber: '', address: '', reference: '' },
};

/** The registration the server takes, with the fields this course asks for required (as the server's registrationProblem checks). */
export function courseRegistrationSchema(fields: readonly RegistrationField[]) {
  const asked = Object.fromEntries(fields.map((field) => [field, true])) as Partial<Record<RegistrationField, true>>;
  return registrationInputSchema.required(asked);
}

/**
 * The form's text as the registration: trimmed, an empty input left out (so a required one is
 * reported missing at its field), and only the fields the course asks for.
 */
export function registrationFormSchema(fields: readonly RegistrationField[]) {
  const text = z.string().max(2000);
  const filled = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const form = z.object({
    name: text,
    birthDate: text,
    email: text,
    phone: text,
    employer: text,
    education: text,
    invoiceAddress: z.object({ name: text, organisationNumber: text, address: text, reference: text }),
  });
  return form
    .transform((input): z.input<typeof registrationInputSchema> => {
      const address = input.invoiceAddress;
      const asked = (field: RegistrationField) => fields.includes(field);
      return {
        name: input.name.trim(),
        birthDate: input.birthDate,
        email: input.email.trim(),
        ...(asked('phone') ? { phone: filled(input.phone) } : {}),
        ...(asked('employer') ? { employer: filled(input.employer) } : {}),
        ...(asked('education') ? { education: filled(input.education) } : {}),
        ...(asked('invoiceAddress')
          ? {
              invoiceAddress: {
                name: address.name.trim(),
                organisationNumber: filled(address.organisationNumber.replace(/\s/g, '')),
                address: address.address.trim(),
                reference: filled(address.reference),
              },
            }
          : {}),
      };
    })
    .pipe(courseRegistrationSchema(fields)) as z.ZodType<RegistrationInput, RegistrationFormInput>;
}
