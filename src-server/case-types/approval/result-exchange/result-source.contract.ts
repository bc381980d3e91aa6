import { z } from 'zod';
import { isoDate } from '../../../../src-shared/domain/case/case.schema';

/**
 * The JSON-over-HTTP protocol Saksflyt speaks with the institutions it fetches results from
 * (resultatutveksling; FS's own protocol is not public). Described with an example in README.md,
 * section "Result exchange (resultatutveksling)".
 *
 *   GET {directory}/sources                         → sourceDirectorySchema
 *   GET {baseUrl}/students/{nationalId}/results     → studentResultsSchema
 */

const text = (max: number) => z.string().trim().min(1).max(max);

export const resultSourceSchema = z.object({
  /** FS institution number, e.g. "216". */
  code: z.string().regex(/^\d{1,6}$/, 'an FS institution number'),
  name: text(200),
  baseUrl: z.url({ protocol: /^https?$/ }).max(500),
});
export type ResultSource = z.infer<typeof resultSourceSchema>;

export const sourceDirectorySchema = z.object({
  sources: z
    .array(resultSourceSchema)
    .max(200)
    .refine((sources) => new Set(sources.map((source) => source.code)).size === sources.length, 'institution codes must be unique'),
});

const resultFields = {
  code: text(40),
  nameNb: text(300),
  nameEn: z.string().max(300),
  thesisTitle: z.string().max(500).optional(),
  /** FS term, e.g. "2019 HØST". */
  term: text(20),
  credits: z.number().min(0).max(600),
  /** A–F, "Bestått", … */
  grade: text(20),
};

export const sourceResultSchema = z.discriminatedUnion('category', [
  z.object({
    category: z.literal('course'),
    ...resultFields,
    /** The qualification the course counts towards, when it does. */
    qualificationCode: text(40).optional(),
  }),
  z.object({
    category: z.literal('qualification'),
    ...resultFields,
    /** Dato_Utlev_Vitn: the date the degree certificate was issued; null while not set. */
    certificateDate: isoDate.nullable(),
  }),
]);
export type SourceResult = z.infer<typeof sourceResultSchema>;

/** What a source answers about one student: the seed's three questions, then the passed results. */
export const studentResultsSchema = z.object({
  /** Module RESUTVEKSL active at the institution. */
  sharesResults: z.boolean(),
  /** Property RESERVER active: the institution has reserved itself against sharing. */
  reserved: z.boolean(),
  /** null: the institution does not know the student. */
  student: z
    .object({
      /** The student's RESUTVEKSL consent as the institution holds it. */
      consent: z.boolean(),
      /** The institution knows the student only by a temporary national ID and releases nothing for it. */
      temporaryNationalId: z.boolean(),
      /** Passed results only; empty when there are none. */
      results: z.array(sourceResultSchema).max(1000),
    })
    .nullable(),
});
export type StudentResults = z.infer<typeof studentResultsSchema>;
