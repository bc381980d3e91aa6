import { z } from 'zod';
import { idSchema, isoDate, isoTimestamp } from '../case/case.schema';
import type { OrgUnit } from '../organisation/org-unit.schema';
import { admissionSetupSchema } from './admission-mode';
import { cefrLevels, nominationDraftSchema, offerCodeSchema } from './nomination-csv-draft';
import { offerKinds } from './nomination.schema';
import { rankingCriterionKinds, rankingCriterionSchema, rankingOfferSchema } from './ranking.schema';

/**
 * An education offer (utdanningstilbud, seed 002): what a partner may nominate applicants to,
 * under one of its agreements, for one term, with its own admission set-up. Stored one document
 * per offer in the replicated `offers` collection. The schema checks each field on its own; how the
 * fields fit together and with the agreement is `offerProblems` (the collection schema must stay a
 * plain object, and the agreement lives in the organisation data).
 */
/** Stored as given (a trimming schema would make the server see a pushed name as changed). */
const text = (max: number) => z.string().max(max).regex(/\S/, 'Must not be empty');

/** From and to (ISO dates, both included), in order. */
const dateRange = z.object({ from: isoDate, to: isoDate }).refine((range) => range.from <= range.to, { message: 'from must not be after to', path: ['to'] });

export const maxOfferChoices = 10;

/**
 * What a qualified-but-ranked admission ranks by, in order (ranking.schema.ts explains each
 * criterion). Stored with every field given, so the stored offer is exactly what was written.
 */
export const offerRankingSchema = z.object({
  criteria: z
    .array(
      z.object({
        kind: z.enum(rankingCriterionKinds),
        weight: rankingCriterionSchema.shape.weight,
        prefer: z.enum(['higher', 'lower']),
        whenMissing: z.enum(['rankAfter', 'lowest']),
      }),
    )
    .min(1)
    .max(rankingCriterionKinds.length)
    .refine((criteria) => new Set(criteria.map((c) => c.kind)).size === criteria.length, 'Each criterion may be listed once'),
});
export type OfferRanking = z.infer<typeof offerRankingSchema>;

/** An admission that names no criteria ranks by grade average (then, as every ranking, by who submitted first). */
export const defaultOfferRanking: OfferRanking = { criteria: [{ kind: 'gradeAverage', weight: 1, prefer: 'higher', whenMissing: 'rankAfter' }] };

/** How one offer's admission runs: its mode (admission-mode.ts), the choices an applicant may rank, its deadlines and ranking criteria. */
export const offerAdmissionSchema = admissionSetupSchema.extend({
  /** 1: a nominee applies to this offer only; more: the applicant picks and ranks up to this many offers. */
  maxChoices: z.number().int().min(1).max(maxOfferChoices),
  deadlines: z
    .object({ nomination: isoDate, application: isoDate, answer: isoDate })
    .refine((d) => d.nomination <= d.application, { message: 'The application deadline must not be before the nomination deadline', path: ['application'] })
    .refine((d) => d.application <= d.answer, { message: 'The answer deadline must not be before the application deadline', path: ['answer'] }),
  /** Only a ranked pro forma admission uses it; absent: defaultOfferRanking. */
  ranking: offerRankingSchema.optional(),
});
export type OfferAdmission = z.infer<typeof offerAdmissionSchema>;

const isoLanguage = 'an ISO 639-1 language code';
const languageCode = z
  .string()
  .max(2, { message: isoLanguage, abort: true })
  .regex(/^[a-z]{2}$/, isoLanguage);

const requirementsShape = rankingOfferSchema.shape.requirements.shape;

export const educationOfferSchema = z.object({
  id: idSchema,
  /** The institution that gives the offer (who receives it). */
  institution: z.string().min(1).max(100),
  /** The department that runs the teaching (whose head may keep the offer). */
  department: z.string().min(1).max(100),
  /** The partner whose nominators may nominate to it (and read it). */
  partnerId: z.string().min(1).max(100),
  agreementId: z.string().min(1).max(64),
  /** Unique within the institution; nominations name the offer by it (e.g. UTV-HEL-27V). */
  code: offerCodeSchema.max(40),
  name: z.object({ nb: text(200), en: text(200) }),
  kind: z.enum(offerKinds),
  /** Year and term, V (spring) or H (autumn), e.g. 2027V: the admission period the capacity is for. */
  term: nominationDraftSchema.shape.term.max(5),
  /** When the teaching runs. */
  period: dateRange,
  /** Places in the term; together with the agreement's other offers in the term, never above its places. */
  capacity: z.number().int().min(0).max(100_000),
  /** Empty lists set no requirement. */
  requirements: z.object({
    isced: z.array(requirementsShape.isced.element.max(4)).max(50),
    eqf: requirementsShape.eqf,
    /** The language of instruction (ISO 639-1) and the lowest CEFR level accepted. */
    language: z.object({ code: languageCode, minimumLevel: z.enum(cefrLevels) }).optional(),
  }),
  /** When nominations to the offer are taken; within the agreement's validity. */
  validity: dateRange,
  admission: offerAdmissionSchema,
  updatedAt: isoTimestamp,
});
export type EducationOffer = z.infer<typeof educationOfferSchema>;

export const offerProblemCodes = [
  'agreement-missing',
  'agreement-other-partner',
  'agreement-ended',
  'validity-outside-agreement',
  'period-outside-validity',
  'deadlines-outside-validity',
  'answer-after-start',
  'capacity-above-places',
  'code-taken',
] as const;
export type OfferProblemCode = (typeof offerProblemCodes)[number];

export interface OfferProblem {
  code: OfferProblemCode;
  message: string;
}

/**
 * Why the offer does not fit together or with its agreement (an `agreement` unit of the organisation
 * data; undefined when none is stored), today (YYYY-MM-DD); [] when it does. `others` are the
 * institution's stored offers: those in the same agreement and term share its places, and no other
 * may have the offer's code (the offer's own stored version, by id, is left out).
 */
export function offerProblems(offer: EducationOffer, agreement: OrgUnit | undefined, today: string, others: readonly EducationOffer[] = []): OfferProblem[] {
  const problems: OfferProblem[] = [];
  const add = (code: OfferProblemCode, message: string) => problems.push({ code, message });
  const { validity, period, admission } = offer;
  const sameCode = others.find((other) => other.id !== offer.id && other.code === offer.code);
  if (sameCode) add('code-taken', `Another offer (${sameCode.id}) already has the code ${offer.code}.`);
  if (period.from < validity.from || period.to > validity.to) {
    add('period-outside-validity', `The teaching period ${period.from}–${period.to} must lie within the offer's validity ${validity.from}–${validity.to}.`);
  }
  const { nomination, answer } = admission.deadlines;
  if (nomination < validity.from || answer > validity.to) {
    add('deadlines-outside-validity', `The deadlines (${nomination} to ${answer}) must lie within the offer's validity ${validity.from}–${validity.to}.`);
  }
  if (answer > period.from) add('answer-after-start', `The answer deadline ${answer} is after the teaching starts (${period.from}).`);

  if (agreement?.kind !== 'agreement' || agreement.institution !== offer.institution || agreement.id !== offer.agreementId) {
    add('agreement-missing', `There is no agreement ${offer.agreementId} in the organisation data.`);
    return problems;
  }
  if (agreement.parentId !== offer.partnerId) add('agreement-other-partner', `The agreement ${agreement.id} is not with the partner ${offer.partnerId}.`);
  const { validFrom, validTo, places } = agreement.attributes;
  if (validTo !== undefined && validTo < today) add('agreement-ended', `The agreement ${agreement.id} ended on ${validTo}.`);
  if ((validFrom !== undefined && validity.from < validFrom) || (validTo !== undefined && validity.to > validTo)) {
    add(
      'validity-outside-agreement',
      `The offer's validity ${validity.from}–${validity.to} must lie within the agreement's ${validFrom ?? '…'}–${validTo ?? '…'}.`,
    );
  }
  if (places !== undefined) {
    const shared = others.filter((other) => other.id !== offer.id && other.agreementId === offer.agreementId && other.term === offer.term);
    const taken = shared.reduce((sum, other) => sum + other.capacity, 0);
    if (taken + offer.capacity > Number(places)) {
      const rest = Math.max(0, Number(places) - taken);
      add(
        'capacity-above-places',
        shared.length
          ? `The agreement ${agreement.id} has ${places} places in ${offer.term}; its other offers take ${taken}, so this offer can have at most ${rest}, not ${offer.capacity}.`
          : `The agreement ${agreement.id} has ${places} places in ${offer.term}; this offer cannot have ${offer.capacity}.`,
      );
    }
  }
  return problems;
}
