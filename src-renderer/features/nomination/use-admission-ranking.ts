import { useMemo, useState } from 'react';
import type { EducationOffer } from '../../../src-shared/domain/nomination';
import { logError } from '../../app/log-error';
import { useApi, useDatabase } from '../../app/providers';
import { useObservable } from '../../db/use-observable';
import { useActingUser } from '../case/acting-user';
import { useOrganisation } from '../organisation/use-organisation';
import { applyBulkStep, type BulkResult } from '../overview/bulk/bulk-run';
import { rankAdmission, type RankedNomination } from './admission-ranking';
import type { Admission, Nomination } from './nomination-queue';

export type RankingState =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'ranked'; ranked: readonly RankedNomination[]; results: readonly BulkResult[] }
  | { kind: 'noneQualified' }
  | { kind: 'failed'; message: string };

/**
 * The "rank" action of an admission: ranks its qualified applications (offers from the replica,
 * agreements from the organisation data) and records each result with the `rank` step on its case,
 * through the bulk runner, so it is written to the replica and synced like any change (offline too).
 */
export function useAdmissionRanking() {
  const db = useDatabase();
  const api = useApi();
  const actor = useActingUser();
  const organisation = useOrganisation();
  const offers$ = useMemo(() => db.offers.find().$, [db]);
  const offerDocs = useObservable(offers$);
  const [state, setState] = useState<RankingState>({ kind: 'idle' });

  const start = async (nominations: readonly Nomination[], admission: Admission) => {
    if (state.kind === 'running' || !organisation || !offerDocs) return;
    setState({ kind: 'running' });
    try {
      const offers = offerDocs.map((doc) => doc.toJSON() as EducationOffer);
      const at = new Date().toISOString();
      const ranking = rankAdmission(nominations, admission, offers, organisation.unit, { id: crypto.randomUUID(), at });
      if (!ranking.ok) {
        setState(ranking.problem === 'noneQualified' ? { kind: 'noneQualified' } : { kind: 'failed', message: ranking.error });
        return;
      }
      const results: BulkResult[] = [];
      for (const { nomination, ranking: recorded } of ranking.ranked) {
        const { id, caseNumber, title, type } = nomination.case;
        const options = { signal: new AbortController().signal, onProgress: () => {}, extra: { ranking: recorded } };
        results.push(...(await applyBulkStep({ db, api, actor }, [{ id, caseNumber, title, type }], 'rank', options)));
      }
      setState({ kind: 'ranked', ranked: ranking.ranked, results });
    } catch (error) {
      logError(api, error);
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return { state, ready: organisation !== undefined && offerDocs !== undefined, start, dismiss: () => setState({ kind: 'idle' }) };
}
