import { offerProblems, type EducationOffer, type OfferProblemCode } from '../../../../src-shared/domain/nomination/education-offer';
import type { OrganisationIndex } from '../../../../src-shared/domain/organisation/organisation-index';
import { capacityUsed } from './offer-list';
import type { OffersText, ProblemFacts } from './offers-text';

/** A problem of the offer with its agreement, the form field to fix it in and what its text names. */
export interface OfferCheck {
  code: OfferProblemCode;
  field: string;
  facts: ProblemFacts;
}

const problemField: Record<OfferProblemCode, string> = {
  'agreement-missing': 'agreementId',
  'agreement-other-partner': 'agreementId',
  'agreement-ended': 'agreementId',
  'validity-outside-agreement': 'validity.from',
  'period-outside-validity': 'period.from',
  'deadlines-outside-validity': 'admission.deadlines.nomination',
  'answer-after-start': 'admission.deadlines.answer',
  'capacity-above-places': 'capacity',
  'code-taken': 'code',
};

/** The agreement's facts the problem texts name, with the capacity the agreement's other offers take in the offer's term. */
export function problemFacts(offer: EducationOffer, organisation: OrganisationIndex, stored: readonly EducationOffer[]): ProblemFacts {
  const { validFrom, validTo, places } = organisation.unit(offer.agreementId)?.attributes ?? {};
  return {
    code: offer.code,
    term: offer.term,
    capacity: offer.capacity,
    agreementId: offer.agreementId,
    ...(validFrom === undefined ? {} : { validFrom }),
    ...(validTo === undefined ? {} : { validTo }),
    ...(places === undefined ? {} : { places: Number(places) }),
    taken: capacityUsed(stored, offer.agreementId, offer.term, offer.id),
  };
}

/** Why the offer does not fit its agreement and the institution's other stored offers (offerProblems), per form field. */
export function checkOffer(offer: EducationOffer, organisation: OrganisationIndex, today: string, stored: readonly EducationOffer[]): OfferCheck[] {
  const others = stored.filter((other) => other.institution === offer.institution);
  const problems = offerProblems(offer, organisation.unit(offer.agreementId), today, others);
  if (!problems.length) return [];
  const facts = problemFacts(offer, organisation, others);
  return problems.map(({ code }) => ({ code, field: problemField[code], facts }));
}

/** The element id of a form field ('admission.deadlines.answer' → 'offer-admission-deadlines-answer'). */
export const fieldId = (field: string) => `offer-${field.replaceAll('.', '-')}`;

/** The text for a schema issue on a form field (the schema's own messages are English and technical). */
export function fieldErrorText(errors: OffersText['errors'], field: string, type: string | undefined): string {
  const [first, second, third] = field.split('.');
  if (first === 'partnerId' || first === 'agreementId' || first === 'department' || first === 'code' || first === 'term' || first === 'capacity') {
    return errors[first];
  }
  if (first === 'name') return errors.name;
  if (first === 'period' || first === 'validity') return type === 'custom' ? errors.dateOrder : errors.date;
  if (first === 'requirements') return second === 'isced' ? errors.isced : second === 'language' ? errors.languageCode : errors.other;
  if (first === 'admission' && second === 'maxChoices') return errors.maxChoices;
  if (first === 'admission' && second === 'deadlines') return type === 'custom' ? errors.deadlineOrder : errors.date;
  if (first === 'admission' && second === 'ranking') return third === 'criteria' && field.endsWith('.weight') ? errors.weight : errors.criteria;
  return errors.other;
}
