import { z } from 'zod';
import { idSchema, isoDate, isoTimestamp } from '../case/case.schema';
import { jsonEqual } from '../../sync/json-value';
import { dueIn } from '../workflow/step-helpers';
import { refuse, type Refusal } from '../workflow/workflow';
import { externalResultSchema, fetchOutcomes, type ExternalResult } from './approval.schema';

/**
 * One result fetch (resultatbestilling): ordered by a case officer, run by the server as a job,
 * which sets the institutions it asks and writes each one's answer as it arrives, with the results
 * it imported. The fetch keeps them (history); the case's accepted results change only when the
 * case officer accepts a fetch.
 */
const institutionCode = z.string().min(1).max(10);
const institutionName = z.string().min(1).max(200);

export const fetchSourceSchema = z.object({ code: institutionCode, name: institutionName });
export type FetchSource = z.infer<typeof fetchSourceSchema>;

export const sourceAnswerSchema = z.object({
  code: institutionCode,
  name: institutionName,
  outcome: z.enum(fetchOutcomes),
  resultCount: z.number().int().min(0).max(500),
  answeredAt: isoTimestamp,
  /** What the source said beyond the outcome (an error, the reason for a refusal). */
  detail: z.string().max(1000).optional(),
  /** sourceUnavailable: asked again automatically on this day (the next day). */
  retryOn: isoDate.optional(),
});
export type SourceAnswer = z.infer<typeof sourceAnswerSchema>;

export const resultFetchSchema = z.object({
  id: idSchema,
  orderedAt: isoTimestamp,
  orderedBy: idSchema,
  /** Set with `sources` when the server starts the job. */
  startedAt: isoTimestamp.optional(),
  sources: z.array(fetchSourceSchema).max(100),
  answers: z.array(sourceAnswerSchema).max(100),
  results: z.array(externalResultSchema).max(500),
  /** When every source had answered (a source down has answered too: it is retried in the same fetch). */
  completedAt: isoTimestamp.optional(),
});
export type ResultFetch = z.infer<typeof resultFetchSchema>;

/** A source's answer as the server reports it; the fetch adds the name, count, time and retry day. */
export const reportedAnswerSchema = z.object({
  code: institutionCode,
  outcome: z.enum(fetchOutcomes),
  detail: z.string().max(1000).optional(),
});
export type ReportedAnswer = z.infer<typeof reportedAnswerSchema>;

export const acceptanceSchema = z.object({ fetchId: idSchema, acceptedAt: isoTimestamp, acceptedBy: idSchema });
export type Acceptance = z.infer<typeof acceptanceSchema>;

export const newFetch = (id: string, orderedAt: string, orderedBy: string): ResultFetch => ({
  id,
  orderedAt,
  orderedBy,
  sources: [],
  answers: [],
  results: [],
});

/** The fetch that is running (ordered, not completed): at most one, the latest. */
export function openFetch(fetches: readonly ResultFetch[]): ResultFetch | undefined {
  const last = fetches.at(-1);
  return last && !last.completedAt ? last : undefined;
}

/** Whether every source the job asks has answered. */
export const allAnswered = (fetch: ResultFetch): boolean =>
  fetch.startedAt !== undefined && fetch.sources.every((s) => fetch.answers.some((a) => a.code === s.code));

/**
 * The fetch with `reported` answers added at `at`: each from an expected source that has not
 * answered yet, or whose source was down (its new answer replaces the old one, and the results
 * only imported sources bring replace that source's).
 */
export function withAnswers(fetch: ResultFetch, reported: readonly ReportedAnswer[], results: readonly ExternalResult[], at: string): ResultFetch | Refusal {
  const codes = new Set<string>();
  const answers: SourceAnswer[] = [];
  for (const answer of reported) {
    const source = fetch.sources.find((s) => s.code === answer.code);
    if (!source) return refuse(`Institution ${answer.code} is not asked in fetch ${fetch.id}`);
    if (codes.has(answer.code)) return refuse(`Institution ${answer.code} answers twice`);
    const earlier = fetch.answers.find((a) => a.code === answer.code);
    if (earlier && earlier.outcome !== 'sourceUnavailable') return refuse(`Institution ${answer.code} has already answered fetch ${fetch.id}`);
    codes.add(answer.code);
    const resultCount = results.filter((r) => r.institutionCode === answer.code).length;
    if (resultCount > 0 && answer.outcome !== 'imported') return refuse(`Institution ${answer.code} answered "${answer.outcome}" but brought results`);
    answers.push({
      code: answer.code,
      name: source.name,
      outcome: answer.outcome,
      resultCount,
      answeredAt: at,
      ...(answer.detail ? { detail: answer.detail } : {}),
      ...(answer.outcome === 'sourceUnavailable' ? { retryOn: dueIn(at, 1) } : {}),
    });
  }
  const stray = results.find((r) => !codes.has(r.institutionCode));
  if (stray) return refuse(`A result from ${stray.institutionCode} comes without its institution's answer`);
  return {
    ...fetch,
    answers: [...fetch.answers.filter((a) => !codes.has(a.code)), ...answers],
    results: [...fetch.results.filter((r) => !codes.has(r.institutionCode)), ...results],
  };
}

/** Per fetch, the sources that were down and are due to be asked again on `today`. */
export function sourcesDue(fetches: readonly ResultFetch[], today: string): { fetchId: string; sources: FetchSource[] }[] {
  return fetches
    .map((f) => ({ fetchId: f.id, sources: f.answers.filter((a) => a.retryOn && a.retryOn <= today).map(({ code, name }) => ({ code, name })) }))
    .filter((due) => due.sources.length > 0);
}

/** The days on which some source is to be asked again. */
export const retryDays = (fetches: readonly ResultFetch[]): string[] =>
  [...new Set(fetches.flatMap((f) => f.answers.flatMap((a) => (a.retryOn ? [a.retryOn] : []))))].sort();

const resultKey = (r: ExternalResult) => `${r.institutionCode}|${r.category}|${r.code}|${r.term}`;

/** A later fetch replaces what it fetched again (new or improved results) and keeps the rest. */
export function mergeResults(known: readonly ExternalResult[], fetched: readonly ExternalResult[]): ExternalResult[] {
  const byKey = new Map(known.map((r) => [resultKey(r), r]));
  for (const result of fetched) byKey.set(resultKey(result), result);
  return [...byKey.values()];
}

/** The accepted results: the accepted fetches' results merged in the order they were accepted. */
export function acceptedResults(fetches: readonly ResultFetch[], acceptances: readonly Acceptance[]): ExternalResult[] {
  return acceptances.reduce<ExternalResult[]>((known, a) => mergeResults(known, fetches.find((f) => f.id === a.fetchId)?.results ?? []), []);
}

/**
 * Completed fetches whose answers the case officer has not accepted yet: never accepted, or a
 * source down answered after the last acceptance.
 */
export function fetchesToAccept(fetches: readonly ResultFetch[], acceptances: readonly Acceptance[]): ResultFetch[] {
  return fetches.filter((f) => {
    if (!f.completedAt) return false;
    const accepted = acceptances.filter((a) => a.fetchId === f.id).at(-1);
    return !accepted || f.answers.some((a) => a.answeredAt > accepted.acceptedAt);
  });
}

/** Whether the accepted results are exactly what the acceptances give. */
export const resultsMatchAcceptances = (details: { fetches: ResultFetch[]; acceptedFetches: Acceptance[]; externalResults: ExternalResult[] }): boolean =>
  jsonEqual(details.externalResults, acceptedResults(details.fetches, details.acceptedFetches));
