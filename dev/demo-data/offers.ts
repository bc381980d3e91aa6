import { educationOfferSchema, type EducationOffer, type OfferAdmission, type OfferRanking } from '../../src-shared/domain/nomination/education-offer';
import { INSTITUTION, partners, type Partner } from './organisation';

type Offer = Partner['offers'][number];

/** The demo terms: spring 2027, nominated in the autumn before (the demo nominations are for 2027V). */
const TERM = '2027V';
const validity = { from: '2026-09-01', to: '2027-06-30' };
const deadlines = { nomination: '2026-10-15', application: '2026-11-01', answer: '2026-12-01' };
const periods: Record<Offer['kind'], { from: string; to: string }> = {
  exchange: { from: '2027-01-11', to: '2027-06-18' },
  blendedIntensive: { from: '2027-04-05', to: '2027-04-16' },
  commissionedEducation: { from: '2027-01-18', to: '2027-06-11' },
};

/**
 * How each kind of demo offer is admitted: exchange places are few and ranked, a blended intensive
 * programme offers directly, commissioned education gives study right at once (the municipality
 * has chosen its staff). Deviation cases go to screening.
 */
const setups: Record<Offer['kind'], Pick<OfferAdmission, 'proFormaMode' | 'requiredItems'>> = {
  exchange: { proFormaMode: 'ranked', requiredItems: ['homeResults', 'languageRequirement'] },
  blendedIntensive: { proFormaMode: 'directOffer', requiredItems: ['languageRequirement'] },
  commissionedEducation: { proFormaMode: 'studyRightAtOnce', requiredItems: [] },
};

/** What the demo's ranked admissions rank by: grade average first, the motivation letter after (a missing letter counts as the lowest). */
export const DEMO_RANKING: OfferRanking = {
  criteria: [
    { kind: 'gradeAverage', weight: 3, prefer: 'higher', whenMissing: 'rankAfter' },
    { kind: 'motivationScore', weight: 1, prefer: 'higher', whenMissing: 'lowest' },
  ],
};

/**
 * The demo partners' offers (utdanningstilbud), one per offer code the demo nominations use: the
 * agreement's places per term shared out between its offers, the applicant may rank all of the
 * partner's offers (as the demo applicants do).
 */
export function demoOffers(now: Date): EducationOffer[] {
  return partners.flatMap((partner) =>
    partner.offers.map((offer) =>
      educationOfferSchema.parse({
        id: `offer-${offer.code.toLowerCase()}`,
        institution: INSTITUTION.id,
        department: offer.department,
        partnerId: partner.id,
        agreementId: partner.agreementId,
        code: offer.code,
        name: { nb: offer.name, en: offer.nameEn },
        kind: offer.kind,
        term: TERM,
        period: periods[offer.kind],
        capacity: Math.floor(partner.places / partner.offers.length),
        requirements: {
          isced: [offer.isced],
          eqf: offer.kind === 'commissionedEducation' ? [6, 7] : [6],
          language: offer.kind === 'commissionedEducation' ? { code: 'nb', minimumLevel: 'B2' } : { code: 'en', minimumLevel: 'B2' },
        },
        validity,
        admission: {
          ...setups[offer.kind],
          screening: 'deviationsOnly',
          maxChoices: partner.offers.length,
          deadlines,
          ...(setups[offer.kind].proFormaMode === 'ranked' ? { ranking: DEMO_RANKING } : {}),
        },
        updatedAt: now.toISOString(),
      }),
    ),
  );
}
