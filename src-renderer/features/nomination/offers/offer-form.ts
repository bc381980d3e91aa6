import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { defaultOfferRanking, educationOfferSchema, type EducationOffer, type OfferRanking } from '../../../../src-shared/domain/nomination/education-offer';

/**
 * The offer form's values: the stored offer's shape (so a schema issue's path names its field),
 * except what an input holds differently — ISCED codes as one text, EQF levels as checked strings,
 * no language as an empty code, and the ranking criteria kept while another mode is chosen.
 */
export type OfferFormValues = Omit<EducationOffer, 'id' | 'institution' | 'updatedAt' | 'requirements' | 'admission'> & {
  requirements: {
    isced: string;
    eqf: string[];
    language: { code: string; minimumLevel: NonNullable<EducationOffer['requirements']['language']>['minimumLevel'] };
  };
  admission: Omit<EducationOffer['admission'], 'ranking'> & { ranking: OfferRanking };
};

/** What the form does not edit: the offer's id and institution, and when it is saved. */
export interface OfferIdentity {
  id: string;
  institution: string;
  updatedAt: string;
}

const NO_LANGUAGE = { code: '', minimumLevel: 'B2' } as const;

/** A new offer's form: the chosen partner, agreement and department, the rest to fill in (ranked pro forma, one choice). */
export function newOfferForm(scope: Pick<EducationOffer, 'partnerId' | 'agreementId' | 'department'>): OfferFormValues {
  return {
    ...scope,
    code: '',
    name: { nb: '', en: '' },
    kind: 'exchange',
    term: '',
    period: { from: '', to: '' },
    capacity: 0,
    requirements: { isced: '', eqf: [], language: { ...NO_LANGUAGE } },
    validity: { from: '', to: '' },
    admission: {
      proFormaMode: 'ranked',
      screening: 'deviationsOnly',
      requiredItems: [],
      maxChoices: 1,
      deadlines: { nomination: '', application: '', answer: '' },
      ranking: structuredClone(defaultOfferRanking),
    },
  };
}

/** A stored offer as the form shows it (an admission without criteria shows the default ones). */
export function formFromOffer(offer: EducationOffer): OfferFormValues {
  const { id: _id, institution: _institution, updatedAt: _updatedAt, requirements, admission, ...rest } = offer;
  return structuredClone({
    ...rest,
    requirements: {
      isced: requirements.isced.join(' '),
      eqf: requirements.eqf.map(String),
      language: requirements.language ?? { ...NO_LANGUAGE },
    },
    admission: { ...admission, ranking: admission.ranking ?? defaultOfferRanking },
  });
}

/** The offer the form describes, checked by the stored offers' schema; criteria are kept only for a ranked admission. */
export function offerFromForm(values: OfferFormValues, identity: OfferIdentity): z.ZodSafeParseResult<EducationOffer> {
  const { requirements, admission, ...rest } = values;
  const { ranking, ...setup } = admission;
  return educationOfferSchema.safeParse({
    ...rest,
    ...identity,
    requirements: {
      isced: requirements.isced.split(/[\s,;]+/).filter(Boolean),
      eqf: requirements.eqf.map(Number).sort((a, b) => a - b),
      ...(requirements.language.code === '' ? {} : { language: requirements.language }),
    },
    admission: { ...setup, ...(setup.proFormaMode === 'ranked' ? { ranking } : {}) },
  });
}

/** The form field a schema issue of the offer concerns ('requirements.isced', not one of its codes). */
export function formFieldOf(path: readonly PropertyKey[]): string {
  const [first, second] = path;
  if (first === 'requirements' && (second === 'isced' || second === 'eqf')) return `requirements.${second}`;
  return path.map(String).join('.');
}

/** Validates the form with the offer's schema; valid values come out as the offer, stamped `identity()` at that moment. */
export function offerResolver(identity: () => OfferIdentity): Resolver<OfferFormValues, unknown, EducationOffer> {
  return (values, _context, options) => {
    const parsed = offerFromForm(values, identity());
    if (parsed.success) return { values: parsed.data, errors: {} };
    const errors: Record<string, FieldError> = {};
    for (const issue of parsed.error.issues) errors[formFieldOf(issue.path)] ??= { type: issue.code, message: issue.message };
    return { values: {}, errors: toNestErrors(errors, options) };
  };
}
