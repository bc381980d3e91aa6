import { z } from 'zod';
import { isoDate } from '../case/case.schema';
import { countryCodes } from './nomination-csv-countries';

/**
 * One nomination as a nominator writes it (a CSV row, later the portal's form): who the applicant
 * is and which offer they are nominated for. It becomes a nomination case once the server has
 * checked it against the partner's agreements.
 */
export const cefrLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

/** Letters, marks, spaces, apostrophes, hyphens and dots: no digits, no control characters. */
const personName = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\p{L}\p{M}][\p{L}\p{M} '’.-]*$/u);

/** An offer (utdanningstilbud) code as the admission set-up names it, e.g. UTV-HEL-27V. */
export const offerCodeSchema = z.string().regex(/^[A-Z0-9][A-Z0-9._-]{0,39}$/);

/** European Student Identifier: urn:schac:personalUniqueCode:int:esi:<home institution or country>:<code>. */
export const esiSchema = z
  .string()
  .max(255)
  .regex(/^urn:schac:personalUniqueCode:int:esi:[a-z0-9.-]+:[A-Za-z0-9._@-]+$/);

export const nominationDraftSchema = z
  .object({
    givenName: personName,
    familyName: personName,
    email: z.email().max(200),
    birthDate: isoDate.refine((date) => date >= '1900-01-01'),
    /** ISO 3166-1 alpha-2. */
    citizenship: z.enum(countryCodes),
    offerCode: offerCodeSchema,
    /** Year and term, V (vår, spring) or H (høst, autumn), e.g. 2027V. */
    term: z.string().regex(/^20\d\d[VH]$/),
    /** Offers the applicant may be admitted to, best first (only where the admission allows choices). */
    choices: z
      .array(offerCodeSchema)
      .max(10)
      .refine((codes) => new Set(codes).size === codes.length),
    globalStudentId: esiSchema.optional(),
    /** Free text; not starting like a spreadsheet formula, as it may be exported again. */
    homeInstitution: z
      .string()
      .max(200)
      .regex(/^[^\p{Cc}=+@-][^\p{Cc}]*$/u)
      .optional(),
    /** ISO 639-1 code of the language of instruction the level is for. */
    language: z
      .string()
      .regex(/^[a-z]{2}$/)
      .optional(),
    languageLevel: z.enum(cefrLevels).optional(),
  })
  .strict()
  .superRefine(
    (draft, context) => {
      // A level says nothing without its language, and the other way round.
      if ((draft.language === undefined) !== (draft.languageLevel === undefined)) {
        context.addIssue({ code: 'custom', path: [draft.language === undefined ? 'language' : 'languageLevel'], message: 'language and level go together' });
      }
    },
    // Also when other fields failed, so a file's row gets every error at once.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
export type NominationDraft = z.infer<typeof nominationDraftSchema>;
export type NominationField = keyof NominationDraft;
