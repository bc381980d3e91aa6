import { externalResultSchema, type ExternalResult, type FetchOutcome } from '../../../../src-shared/domain/approval/approval.schema';
import { summarizeZodError } from '../../../../src-shared/kernel/app-error';
import { studentResultsSchema, type ResultSource, type SourceResult, type StudentResults } from './result-source.contract';

/** One institution's answer to a result fetch. */
export interface SourceAnswer {
  institution: { code: string; name: string };
  outcome: FetchOutcome;
  /** Every result of the source for `imported`; empty for any other outcome (never a part). */
  results: ExternalResult[];
  /** Why, for the log: the HTTP status, the network error, the schema problem, … */
  detail?: string;
}

/** What came back over the wire: no answer at all, or a status and a body. */
export type SourceReply = { kind: 'unreachable'; reason: string } | { kind: 'answered'; status: number; body: string };

/**
 * Turns a source's reply into the outcome for the case (pure). Down, hanging and 5xx are
 * `sourceUnavailable` (retried the next day); anything else not in the protocol's shape is
 * `invalidResponse` with no results; otherwise the seed's questions decide, in its order.
 * `fetchDate` (YYYY-MM-DD): a degree certificate must be dated before it.
 */
export function answerOf(source: Pick<ResultSource, 'code' | 'name'>, reply: SourceReply, fetchDate: string): SourceAnswer {
  const institution = { code: source.code, name: source.name };
  const answer = (outcome: FetchOutcome, detail?: string, results: ExternalResult[] = []): SourceAnswer =>
    detail === undefined ? { institution, outcome, results } : { institution, outcome, results, detail };

  if (reply.kind === 'unreachable') return answer('sourceUnavailable', reply.reason);
  if (reply.status >= 500) return answer('sourceUnavailable', `HTTP ${reply.status}`);
  if (reply.status !== 200) return answer('invalidResponse', `HTTP ${reply.status}`);
  const json = parseJson(reply.body);
  if (json === undefined) return answer('invalidResponse', 'the body is not JSON');
  const parsed = studentResultsSchema.safeParse(json);
  if (!parsed.success) return answer('invalidResponse', summarizeZodError(parsed.error));

  const { outcome, detail } = outcomeOf(parsed.data, fetchDate);
  if (outcome !== 'imported') return answer(outcome, detail);
  const results: ExternalResult[] = [];
  for (const result of parsed.data.student!.results) {
    const mapped = externalResultSchema.safeParse(toExternalResult(institution, result));
    if (!mapped.success) return answer('invalidResponse', summarizeZodError(mapped.error));
    results.push(mapped.data);
  }
  return answer('imported', undefined, results);
}

function outcomeOf(body: StudentResults, fetchDate: string): { outcome: FetchOutcome; detail?: string } {
  if (body.reserved) return { outcome: 'institutionReserved' };
  if (!body.sharesResults) return { outcome: 'notSharing' };
  const { student } = body;
  if (!student) return { outcome: 'noResults', detail: 'student not known at the institution' };
  if (student.temporaryNationalId) return { outcome: 'temporaryNationalId' };
  if (!student.consent) return { outcome: 'noConsent' };
  if (student.results.length === 0) return { outcome: 'noResults' };
  const undated = student.results.filter(
    (result) => result.category === 'qualification' && (result.certificateDate === null || result.certificateDate >= fetchDate),
  );
  if (undated.length > 0) {
    return { outcome: 'certificateDateMissing', detail: `no certificate date before ${fetchDate}: ${undated.map((result) => result.code).join(', ')}` };
  }
  return { outcome: 'imported' };
}

function toExternalResult(institution: SourceAnswer['institution'], result: SourceResult): ExternalResult {
  return {
    institutionCode: institution.code,
    institutionName: institution.name,
    category: result.category,
    code: result.code,
    nameNb: result.nameNb,
    nameEn: result.nameEn,
    ...(result.thesisTitle === undefined ? {} : { thesisTitle: result.thesisTitle }),
    term: result.term,
    credits: result.credits,
    grade: result.grade,
    ...(result.category === 'course' && result.qualificationCode !== undefined ? { qualificationCode: result.qualificationCode } : {}),
  };
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
