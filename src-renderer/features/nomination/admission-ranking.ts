import {
  rankApplications,
  rankingAgreement,
  recordRanking,
  type EducationOffer,
  type RankedApplication,
  type RankingConfig,
  type RecordedRanking,
} from '../../../src-shared/domain/nomination';
import type { OrgUnit } from '../../../src-shared/domain/organisation/org-unit.schema';
import type { Admission, Nomination } from './nomination-queue';

/**
 * The admission's ranking criteria. An offer's set-up names none yet and the applications carry no
 * grades or scores, so applications rank by grade average where one is given, then (as the ranking
 * explains) by who submitted first.
 */
export const ADMISSION_RANKING_CONFIG: RankingConfig = { criteria: [{ kind: 'gradeAverage', weight: 1, prefer: 'higher', whenMissing: 'rankAfter' }] };

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
    config: ADMISSION_RANKING_CONFIG,
    agreements,
    offers: chosen.map((offer) => ({ code: offer.code, agreementId: offer.agreementId, capacity: offer.capacity, requirements: offer.requirements })),
    applications: pool.map((n) => ({
      id: n.case.id,
      submittedAt: n.details.application!.submittedAt,
      choices: n.details.application!.choices.map((c) => c.code),
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
