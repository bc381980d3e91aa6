import { z } from 'zod';
import { nominationDraftSchema, type cefrLevels } from '../../src-shared/domain/nomination/nomination-csv-draft';
import type { PortalOffer } from '../../src-shared/portal/portal.contract';

/** Checked by the draft schema after the transform (the select offers only these). */
type CefrLevel = (typeof cefrLevels)[number];

/** The form's inputs, all text as the browser gives them. */
export const nominateFormFields = [
  'givenName',
  'familyName',
  'email',
  'birthDate',
  'citizenship',
  'offerCode',
  'choices',
  'language',
  'languageLevel',
] as const;
export type NominateFormInput = Record<(typeof nominateFormFields)[number], string>;

export const emptyNominateForm: NominateFormInput = Object.fromEntries(nominateFormFields.map((field) => [field, ''])) as NominateFormInput;

/**
 * The form's text as the draft the server takes (the same schema the CSV rows pass): trimmed,
 * codes in their usual case, the term of the chosen offer, choices only where the offer allows them.
 */
export function nominateFormSchema(offers: readonly PortalOffer[]) {
  const text = z.string().max(300);
  return z
    .object(Object.fromEntries(nominateFormFields.map((field) => [field, text])) as Record<keyof NominateFormInput, typeof text>)
    .transform((form): z.input<typeof nominationDraftSchema> => {
      const offer = offers.find((candidate) => candidate.code === form.offerCode);
      const blank = (value: string) => value.trim() !== '';
      return {
        givenName: form.givenName.trim().replace(/\s+/g, ' '),
        familyName: form.familyName.trim().replace(/\s+/g, ' '),
        email: form.email.trim().toLowerCase(),
        birthDate: form.birthDate,
        citizenship: form.citizenship.trim().toUpperCase(),
        offerCode: form.offerCode,
        term: offer?.term ?? '',
        choices:
          offer && offer.maxChoices > 1
            ? form.choices
                .toUpperCase()
                .split(/[\s,;]+/)
                .filter(Boolean)
            : [],
        ...(blank(form.language) ? { language: form.language.trim().toLowerCase() } : {}),
        ...(blank(form.languageLevel) ? { languageLevel: form.languageLevel as CefrLevel } : {}),
      };
    })
    .pipe(nominationDraftSchema);
}
