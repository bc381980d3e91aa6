import { describe, expect, it } from 'vitest';
import { fetchOutcomes } from '../../../src-shared/domain/approval/approval.schema';
import type { SourceAnswer } from '../../../src-shared/domain/approval/result-fetch';
import { answerText } from './answer-text';
import { approvalTexts } from './approval-text';

const base: SourceAnswer = { code: '216', name: 'HiSF', outcome: 'noResults', resultCount: 0, answeredAt: '2026-12-07T09:00:00.000Z' };

describe('answerText', () => {
  it('gives an import with its count', () => {
    expect(answerText({ ...base, outcome: 'imported', resultCount: 3 }, approvalTexts.nb).outcome).toBe('3 resultater importert');
    expect(answerText({ ...base, outcome: 'imported', resultCount: 1 }, approvalTexts.en).outcome).toBe('1 result imported');
  });

  it('tells when a source down is asked again', () => {
    const text = answerText({ ...base, outcome: 'sourceUnavailable', retryOn: '2026-12-08' }, approvalTexts.nb);
    expect(text).toEqual({ outcome: 'Kilden er nede', notes: ['Spørres igjen automatisk 8. des. 2026.'] });
  });

  it('gives the seed’s advice for a temporary national ID, and what the source said', () => {
    const text = answerText({ ...base, outcome: 'temporaryNationalId', detail: 'Ukjent fødselsnummer' }, approvalTexts.en);
    expect(text.outcome).toBe('Temporary national ID');
    expect(text.notes).toEqual([approvalTexts.en.fetch.temporaryIdAdvice, 'Ukjent fødselsnummer']);
    expect(text.notes[0]).toContain('Ask the student to ask the institution to update the national ID');
  });

  it('labels every outcome in both languages, each differently', () => {
    for (const t of [approvalTexts.nb, approvalTexts.en]) {
      const words = fetchOutcomes.map((outcome) => answerText({ ...base, outcome, resultCount: outcome === 'imported' ? 2 : 0 }, t).outcome);
      expect(new Set(words).size).toBe(fetchOutcomes.length);
      for (const word of words) expect(word.trim()).not.toBe('');
    }
    expect(approvalTexts.nb.fetch.outcomes.invalidResponse).not.toBe(approvalTexts.en.fetch.outcomes.invalidResponse);
  });
});
