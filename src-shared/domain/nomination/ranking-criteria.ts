import type { RankingApplication, RankingCriterion, RankingCriterionKind, RankingOffer } from './ranking.schema';

/**
 * How well the applicant's field fits the offer's: 1 inside a required field (code starts with
 * it), 2/3 sharing the narrow field (3 digits), 1/3 sharing the broad field (2 digits), else 0.
 */
export function fieldMatch(applicant: string, required: readonly string[]): number {
  if (required.length === 0) return 1;
  let best = 0;
  for (const code of required) {
    if (applicant.startsWith(code)) return 1;
    const shares = (digits: number) => applicant.length >= digits && code.length >= digits && applicant.slice(0, digits) === code.slice(0, digits);
    const shared = shares(3) ? 2 / 3 : shares(2) ? 1 / 3 : 0;
    best = Math.max(best, shared);
  }
  return best;
}

/** The criterion's value for the application at the offer in [0, 1] before `prefer`, or undefined. */
function rawValue(kind: RankingCriterionKind, application: RankingApplication, offer: RankingOffer): number | undefined {
  switch (kind) {
    case 'fieldMatch':
      return application.isced === undefined ? undefined : fieldMatch(application.isced, offer.requirements.isced);
    case 'levelMatch':
      if (application.eqf === undefined) return undefined;
      return offer.requirements.eqf.length === 0 || offer.requirements.eqf.includes(application.eqf) ? 1 : 0;
    case 'gradeAverage':
    case 'committeeScore':
    case 'motivationScore':
    case 'progress': {
      const value = application[kind];
      return value === undefined ? undefined : value / 100;
    }
  }
}

/** The criterion's value, 1 best; undefined when the application lacks it. */
export function criterionValue(criterion: RankingCriterion, application: RankingApplication, offer: RankingOffer): number | undefined {
  const value = rawValue(criterion.kind, application, offer);
  return value === undefined || criterion.prefer === 'higher' ? value : 1 - value;
}
