import type { SourceAnswer } from '../../../src-shared/domain/approval/result-fetch';
import { formatDate } from '../../i18n/format';
import type { ApprovalText } from './approval-text';

/**
 * An institution's answer in words: the outcome (with the count for an import) and what the case
 * officer should know about it: the retry date of a source down, the seed's advice for a
 * temporary national ID, what a missing certificate date means, and what the source said.
 */
export function answerText(answer: SourceAnswer, t: ApprovalText): { outcome: string; notes: string[] } {
  const outcome = answer.outcome === 'imported' ? t.fetch.importedCount(answer.resultCount) : t.fetch.outcomes[answer.outcome];
  const notes: string[] = [];
  if (answer.outcome === 'sourceUnavailable' && answer.retryOn) notes.push(t.fetch.retryOn(formatDate(answer.retryOn, t.locale)));
  if (answer.outcome === 'temporaryNationalId') notes.push(t.fetch.temporaryIdAdvice);
  if (answer.outcome === 'certificateDateMissing') notes.push(t.fetch.certificateAdvice);
  if (answer.detail) notes.push(answer.detail);
  return { outcome, notes };
}
