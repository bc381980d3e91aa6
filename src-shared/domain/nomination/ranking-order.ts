import { criterionValue } from './ranking-criteria';
import type { RankingApplication, RankingConfig, RankingCriterionKind, RankingOffer } from './ranking.schema';

/** Why an application is ranked after its neighbour above (the first rule, in order, that tells them apart). */
export type RankDecision =
  | { by: 'missingValues'; criteria: RankingCriterionKind[] }
  | { by: 'score'; score: number; aboveScore: number; mainCriterion: RankingCriterionKind }
  | { by: 'criterion'; criterion: RankingCriterionKind }
  | { by: 'submittedFirst'; submittedAt: string; aboveSubmittedAt: string }
  | { by: 'applicationId' };

/** Code-unit order of ids and codes: the same on every machine and locale. */
export const compareCodes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** An application as one offer sees it. */
export interface ScoredApplication {
  application: RankingApplication;
  /** Per configured criterion, 1 best; 0 where the value is missing. */
  values: number[];
  /** The 'rankAfter' criteria the application lacks. */
  missing: RankingCriterionKind[];
  /** Weighted mean of `values` in [0, 1], rounded to 9 decimals so equal sums compare equal. */
  score: number;
  submittedMs: number;
}

export interface OfferOrder {
  offer: RankingOffer;
  /** Best first; position = index + 1. */
  ranked: ScoredApplication[];
  /** decisions[i] says why ranked[i] comes after ranked[i - 1]; decisions[0] is undefined. */
  decisions: (RankDecision | undefined)[];
}

export function scoreApplication(config: RankingConfig, application: RankingApplication, offer: RankingOffer): ScoredApplication {
  const values: number[] = [];
  const missing: RankingCriterionKind[] = [];
  let weighted = 0;
  let weights = 0;
  for (const criterion of config.criteria) {
    const value = criterionValue(criterion, application, offer);
    if (value === undefined && criterion.whenMissing === 'rankAfter') missing.push(criterion.kind);
    values.push(value ?? 0);
    weighted += criterion.weight * (value ?? 0);
    weights += criterion.weight;
  }
  const score = weights === 0 ? 0 : Math.round((weighted / weights) * 1e9) / 1e9;
  return { application, values, missing, score, submittedMs: Date.parse(application.submittedAt) };
}

/**
 * The ranking rules, in order: fewer missing 'rankAfter' values first; higher score first; equal
 * scores go to the first criterion (in the listed order) with a higher value; then the earlier
 * submission; last the smaller application id (ids are unique, so the order is total).
 * Returns the rule that tells `a` and `b` apart and the order (negative when `a` ranks first).
 */
function firstDifference(a: ScoredApplication, b: ScoredApplication): { rule: RankDecision['by']; order: number; criterion?: number } {
  if (a.missing.length !== b.missing.length) return { rule: 'missingValues', order: a.missing.length - b.missing.length };
  if (a.score !== b.score) return { rule: 'score', order: b.score - a.score };
  const criterion = a.values.findIndex((value, i) => value !== b.values[i]);
  if (criterion >= 0) return { rule: 'criterion', order: b.values[criterion]! - a.values[criterion]!, criterion };
  if (a.submittedMs !== b.submittedMs) return { rule: 'submittedFirst', order: a.submittedMs - b.submittedMs };
  return { rule: 'applicationId', order: compareCodes(a.application.id, b.application.id) };
}

/** Why `below` comes after `above`, in words the reasons can show. */
function decide(config: RankingConfig, above: ScoredApplication, below: ScoredApplication): RankDecision {
  const { rule, criterion } = firstDifference(above, below);
  const kinds = config.criteria.map((c) => c.kind);
  switch (rule) {
    case 'missingValues':
      return { by: rule, criteria: below.missing.filter((kind) => !above.missing.includes(kind)) };
    case 'score': {
      // The criterion that gained the application above the most weighted points.
      let main = 0;
      config.criteria.forEach((c, i) => {
        if (c.weight * (above.values[i]! - below.values[i]!) > config.criteria[main]!.weight * (above.values[main]! - below.values[main]!)) main = i;
      });
      return { by: rule, score: below.score, aboveScore: above.score, mainCriterion: kinds[main]! };
    }
    case 'criterion':
      return { by: rule, criterion: kinds[criterion!]! };
    case 'submittedFirst':
      return { by: rule, submittedAt: below.application.submittedAt, aboveSubmittedAt: above.application.submittedAt };
    case 'applicationId':
      return { by: rule };
  }
}

/** Ranks the applications that chose the offer; the order does not depend on the input order. */
export function orderForOffer(config: RankingConfig, offer: RankingOffer, applications: readonly RankingApplication[]): OfferOrder {
  const ranked = applications.map((application) => scoreApplication(config, application, offer)).sort((a, b) => firstDifference(a, b).order);
  return { offer, ranked, decisions: ranked.map((scored, i) => (i === 0 ? undefined : decide(config, ranked[i - 1]!, scored))) };
}
