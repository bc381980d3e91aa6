import { describe, expect, it } from 'vitest';
import { approvedCredits, decisionOutcome, type CourseVerdict } from './decision';

const verdict = (v: CourseVerdict['verdict'], credits: number): CourseVerdict => ({
  institutionCode: '216',
  code: `C${credits}`,
  term: '2013H',
  verdict: v,
  credits,
  grounds: 'Vurdert.',
});

describe('the outcome of an approval case', () => {
  it.each([
    [[verdict('approved', 10), verdict('approved', 5)], 'approved', 15],
    [[verdict('rejected', 0), verdict('rejected', 0)], 'rejected', 0],
    [[verdict('approved', 10), verdict('rejected', 0)], 'partlyApproved', 10],
    [[verdict('partlyApproved', 5)], 'partlyApproved', 5],
  ] as const)('follows from the verdicts per course (%#)', (verdicts, outcome, credits) => {
    expect(decisionOutcome(verdicts)).toBe(outcome);
    expect(approvedCredits(verdicts)).toBe(credits);
  });
});
