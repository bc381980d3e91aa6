import type { OrgUnit } from '../organisation/org-unit.schema';
import type { RankingAgreement } from './ranking.schema';

/**
 * An agreement unit (organisation data) as the ranking sees it for an admission period (ISO dates):
 * its `places` while it is valid for the whole period, 0 places when it starts after the period
 * begins or ends before the period ends, and no total when it names no places.
 */
export function rankingAgreement(unit: OrgUnit, period: { from: string; to: string }): RankingAgreement {
  if (unit.kind !== 'agreement') throw new Error(`${unit.id} is a ${unit.kind}, not an agreement`);
  const { validFrom, validTo, places } = unit.attributes;
  const valid = (validFrom === undefined || validFrom <= period.from) && (validTo === undefined || validTo >= period.to);
  if (!valid) return { id: unit.id, places: 0 };
  return places === undefined ? { id: unit.id } : { id: unit.id, places: Number(places) };
}
