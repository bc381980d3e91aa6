import { answerOf, type SourceAnswer } from './source-answer';
import { askSource } from './ask-source';
import type { ResultSource } from './result-source.contract';

/** Enough to ask every FS institution (about 50) at once. */
export const DEFAULT_CONCURRENCY = 64;
/** Above the slowest healthy source (about 1.5 s), below the 2 s a whole fetch may take. */
export const DEFAULT_TIMEOUT_MS = 1800;

export interface FetchResultsOptions {
  nationalId: string;
  sources: readonly ResultSource[];
  /** YYYY-MM-DD: degree certificates must be dated before it. */
  fetchDate: string;
  /** Per source; a source that has not answered by then is `sourceUnavailable`. */
  timeoutMs?: number;
  /** How many sources are asked at the same time. */
  concurrency?: number;
  /** Cancels the whole fetch: sources not yet answered become `sourceUnavailable`. */
  signal?: AbortSignal;
  /** Called as each source answers, in the order they answer. */
  onAnswer?: (answer: SourceAnswer) => void;
}

/**
 * Fetches one student's passed results from every source, with bounded concurrency and a
 * timeout per source, so no source holds up the others. Resolves with one answer per source,
 * in the order of `sources`; never rejects because of a source.
 */
export async function fetchResults(options: FetchResultsOptions): Promise<SourceAnswer[]> {
  const { nationalId, sources, fetchDate, timeoutMs = DEFAULT_TIMEOUT_MS, concurrency = DEFAULT_CONCURRENCY, signal, onAnswer } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a positive integer, not ${concurrency}`);
  const answers: SourceAnswer[] = new Array(sources.length);
  let next = 0;
  const worker = async () => {
    while (next < sources.length) {
      const index = next++;
      const source = sources[index]!;
      const answer = answerOf(source, await askSource(source, nationalId, timeoutMs, signal), fetchDate);
      answers[index] = answer;
      onAnswer?.(answer);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, sources.length) }, worker));
  return answers;
}
