import { z } from 'zod';
import { idSchema, isoTimestamp } from '../case/case.schema';

/**
 * What a nomination admission ranks by (seed 002, "Rangering av innreisende utvekslingsstudenter"):
 * study field and level against the offer's ISCED-F and EQF requirements, grade average, the
 * committee's score (individual assessment), the motivation letter's score, and progress in the
 * home programme. Every criterion gives a value in [0, 1] (1 best, after `prefer`), or none.
 */
export const rankingCriterionKinds = ['fieldMatch', 'levelMatch', 'gradeAverage', 'committeeScore', 'motivationScore', 'progress'] as const;
export type RankingCriterionKind = (typeof rankingCriterionKinds)[number];

export const rankingCriterionLabels: Record<RankingCriterionKind, { nb: string; en: string }> = {
  fieldMatch: { nb: 'fagområde (ISCED)', en: 'study field (ISCED)' },
  levelMatch: { nb: 'studienivå (EQF)', en: 'study level (EQF)' },
  gradeAverage: { nb: 'karaktersnitt', en: 'grade average' },
  committeeScore: { nb: 'opptakskomiteens vurdering', en: 'committee score' },
  motivationScore: { nb: 'motivasjonsbrev', en: 'motivation letter' },
  progress: { nb: 'progresjon i studiet hjemme', en: 'progress in the home programme' },
};

export const rankingCriterionSchema = z.object({
  kind: z.enum(rankingCriterionKinds),
  /** Share of the total score; 0 makes the criterion a tie-breaker only (in the listed order). */
  weight: z.number().min(0).max(100),
  /** 'lower' ranks low values first (e.g. applicants early in their programme). */
  prefer: z.enum(['higher', 'lower']).default('higher'),
  /**
   * An application without the value: 'rankAfter' puts it after every application that has it
   * (applications missing fewer such criteria come first; the missing value counts as 0 among
   * them); 'lowest' treats it as the worst value and ranks by the total as usual.
   */
  whenMissing: z.enum(['rankAfter', 'lowest']).default('rankAfter'),
});
export type RankingCriterion = z.infer<typeof rankingCriterionSchema>;

export const rankingConfigSchema = z.object({
  criteria: z
    .array(rankingCriterionSchema)
    .min(1)
    .max(rankingCriterionKinds.length)
    .refine((criteria) => new Set(criteria.map((c) => c.kind)).size === criteria.length, 'Each criterion may be listed once'),
});
export type RankingConfig = z.infer<typeof rankingConfigSchema>;

/** ISCED-F 2013 field code: broad (2 digits), narrow (3) or detailed (4). */
const iscedCode = z
  .string()
  .max(4)
  .regex(/^\d{2,4}$/, 'an ISCED-F code of 2 to 4 digits');
const eqfLevel = z.number().int().min(1).max(8);
const percent = z.number().min(0).max(100);

export const rankingOfferSchema = z.object({
  code: z.string().min(1).max(40),
  agreementId: z.string().min(1).max(64),
  /** Places in this admission's period. */
  capacity: z.number().int().min(0).max(100_000),
  /** Empty lists set no requirement (every applicant matches). */
  requirements: z.object({ isced: z.array(iscedCode).max(50), eqf: z.array(eqfLevel).max(8) }),
});
export type RankingOffer = z.infer<typeof rankingOfferSchema>;

export const rankingApplicationSchema = z.object({
  id: idSchema,
  submittedAt: isoTimestamp,
  /** Offer codes, best first. */
  choices: z
    .array(z.string().min(1).max(40))
    .min(1)
    .max(10)
    .refine((codes) => new Set(codes).size === codes.length, 'An offer may be chosen once'),
  isced: iscedCode.optional(),
  eqf: eqfLevel.optional(),
  /** On a 0–100 scale (the home grade converted), as the nomination's `ranking.gradeAverage`. */
  gradeAverage: percent.optional(),
  committeeScore: percent.optional(),
  motivationScore: percent.optional(),
  /** Per cent of the home programme completed. */
  progress: percent.optional(),
});
export type RankingApplication = z.infer<typeof rankingApplicationSchema>;

export const rankingAgreementSchema = z.object({
  id: z.string().min(1).max(64),
  /** The agreement's places in the admission's period; omitted: the agreement sets no total. */
  places: z.number().int().min(0).max(100_000).optional(),
});
export type RankingAgreement = z.infer<typeof rankingAgreementSchema>;

/** One admission's ranking run; offers sharing an agreement may together offer at most its places. */
export const rankingInputSchema = z
  .object({
    config: rankingConfigSchema,
    agreements: z.array(rankingAgreementSchema).max(10_000),
    offers: z.array(rankingOfferSchema).min(1).max(10_000),
    applications: z.array(rankingApplicationSchema).max(200_000),
  })
  .superRefine((input, ctx) => {
    const places = new Map(input.agreements.map((agreement) => [agreement.id, agreement.places ?? Infinity]));
    const capacityByAgreement = new Map<string, number>();
    const offerCodes = new Set<string>();
    input.offers.forEach((offer, index) => {
      if (offerCodes.has(offer.code)) ctx.addIssue({ code: 'custom', path: ['offers', index, 'code'], message: `Offer ${offer.code} is listed twice` });
      offerCodes.add(offer.code);
      if (!places.has(offer.agreementId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['offers', index, 'agreementId'],
          message: `Offer ${offer.code} rests on unknown agreement ${offer.agreementId}`,
        });
      }
      capacityByAgreement.set(offer.agreementId, (capacityByAgreement.get(offer.agreementId) ?? 0) + offer.capacity);
    });
    for (const [agreementId, capacity] of capacityByAgreement) {
      const agreed = places.get(agreementId);
      if (agreed !== undefined && capacity > agreed) {
        ctx.addIssue({
          code: 'custom',
          path: ['offers'],
          message: `The offers under agreement ${agreementId} have ${capacity} places, the agreement ${agreed}`,
        });
      }
    }
    const applicationIds = new Set<string>();
    input.applications.forEach((application, index) => {
      if (applicationIds.has(application.id))
        ctx.addIssue({ code: 'custom', path: ['applications', index, 'id'], message: `Application ${application.id} is listed twice` });
      applicationIds.add(application.id);
      application.choices.forEach((code, choice) => {
        if (!offerCodes.has(code))
          ctx.addIssue({
            code: 'custom',
            path: ['applications', index, 'choices', choice],
            message: `Application ${application.id} chose unknown offer ${code}`,
          });
      });
    });
  });
export type RankingInput = z.input<typeof rankingInputSchema>;
