import {
  defaultOfferRanking,
  rankApplications,
  rankingValues,
  rankingAgreement,
  recordRanking,
  type EducationOffer,
  type RankedApplication,
  type RankingConfig,
  type RecordedRanking,
} from '../../../src-shared/domain/nomination';
import type { OrgUnit } from '../../../src-shared/domain/organisation/org-unit.schema';
import type { Admission, Nomination } from './nomination-queue';

/** The admission's ranking criteria: those its offer's set-up names, else the default (grade average). */
export function admissionRankingConfig(offer: EducationOffer | undefined): RankingConfig {
  return offer?.admission.ranking ?? defaultOfferRanking;
}

/** One application's result of the run, and the `rank` step's ranking to record on its case. */
export interface RankedNomination {
  nomination: Nomination;
  result: RankedApplication;
  ranking: RecordedRanking;
}

export type AdmissionRanking =
  { ok: true; ranked: RankedNomination[] } | { ok: false; problem: 'noneQualified' } | { ok: false; problem: 'invalid'; error: string };

/**
 * Ranks the admission's qualified applications in a ranked pro forma admission, with every offer
 * they chose (same term): each offer's capacity from the offer, each agreement's places from the
 * organisation data for the offers' period (rankingAgreement). An offer chosen but not in the
 * replica, or capacities above the agreement's places, give an error and no result.
 */
export function rankAdmission(
  nominations: readonly Nomination[],
  admission: Admission,
  offers: readonly EducationOffer[],
  unit: (id: string) => OrgUnit | undefined,
  run: RecordedRanking['run'],
): AdmissionRanking {
  const pool = nominations.filter(
    (n) =>
      n.status === 'qualified' &&
      n.details.admission.proFormaMode === 'ranked' &&
      n.details.application &&
      n.details.offer.term === admission.term &&
      n.details.application.choices.some((choice) => choice.code === admission.code),
  );
  if (pool.length === 0) return { ok: false, problem: 'noneQualified' };
  const codes = new Set(pool.flatMap((n) => n.details.application!.choices.map((choice) => choice.code)));
  const chosen = offers.filter((offer) => offer.term === admission.term && codes.has(offer.code));
  const missing = [...codes].filter((code) => !chosen.some((offer) => offer.code === code));
  if (missing.length > 0) return { ok: false, problem: 'invalid', error: `Offers not in the local database: ${missing.join(', ')}` };

  const agreementIds = [...new Set(chosen.map((offer) => offer.agreementId))];
  const agreements = agreementIds.map((id) => {
    const agreement = unit(id);
    const periods = chosen.filter((offer) => offer.agreementId === id).map((offer) => offer.period);
    const period = {
      from: periods.map((p) => p.from).sort()[0]!,
      to: periods
        .map((p) => p.to)
        .sort()
        .at(-1)!,
    };
    return agreement?.kind === 'agreement' ? rankingAgreement(agreement, period) : { id };
  });
  const result = rankApplications({
    config: admissionRankingConfig(chosen.find((offer) => offer.code === admission.code)),
    agreements,
    offers: chosen.map((offer) => ({ code: offer.code, agreementId: offer.agreementId, capacity: offer.capacity, requirements: offer.requirements })),
    applications: pool.map((n) => ({
      id: n.case.id,
      submittedAt: n.details.application!.submittedAt,
      choices: n.details.application!.choices.map((c) => c.code),
      ...rankingValues(n.details.assessment),
    })),
  });
  if (!result.ok) return { ok: false, problem: 'invalid', error: result.error };
  const byId = new Map(pool.map((n) => [n.case.id, n]));
  return {
    ok: true,
    ranked: result.applications.map((application) => ({
      nomination: byId.get(application.id)!,
      result: application,
      ranking: recordRanking(application, run),
    })),
  };
}

/** The run's results as the admission's list shows them: by position at the admission's offer (those who did not choose it last). */
export function inRankOrder(ranked: readonly RankedNomination[], offerCode: string): RankedNomination[] {
  const positionOf = (r: RankedNomination) => r.result.positions.find((at) => at.offer === offerCode)?.position ?? Infinity;
  return [...ranked].sort((a, b) => positionOf(a) - positionOf(b) || (a.nomination.case.id < b.nomination.case.id ? -1 : 1));
}
