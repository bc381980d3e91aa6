import { fetchOutcomes, type FetchOutcome } from '../../../src-shared/domain/approval/approval.schema';
import type { ResultFetch } from '../../../src-shared/domain/approval/result-fetch';

export interface FetchProgress {
  /** Institutions that have answered (a source down has answered too, and is asked again). */
  answered: number;
  /** Institutions the server asks; 0 until the server has started the fetch. */
  asked: number;
  /** How many answers of each outcome, in the order of `fetchOutcomes`, only those that occur. */
  byOutcome: { outcome: FetchOutcome; count: number }[];
  state: 'waitingForServer' | 'running' | 'completed';
}

/** How far a fetch has come: the answers so far out of the institutions asked, and their outcomes. */
export function fetchProgress(fetch: ResultFetch): FetchProgress {
  const asked = new Set(fetch.sources.map((source) => source.code));
  const answers = fetch.answers.filter((answer) => asked.has(answer.code));
  const byOutcome = fetchOutcomes
    .map((outcome) => ({ outcome, count: answers.filter((answer) => answer.outcome === outcome).length }))
    .filter((entry) => entry.count > 0);
  const state = fetch.completedAt ? 'completed' : fetch.startedAt ? 'running' : 'waitingForServer';
  return { answered: answers.length, asked: asked.size, byOutcome, state };
}
