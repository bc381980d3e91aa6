import { describe, expect, it } from 'vitest';
import { PASS_SCORE, passed } from './passing-grade';

describe('a passing grade in Canvas', () => {
  it("goes by the course's grading scheme when Canvas gives a grade: all but a failing one pass", () => {
    for (const grade of ['A', 'E', 'Bestått', 'Godkjent', 'pass', 'complete']) expect(passed({ final_grade: grade, final_score: 0 })).toBe(true);
    for (const grade of ['F', 'f', 'Ikke bestått', 'IKKE GODKJENT', 'Fail', ' F ']) expect(passed({ final_grade: grade, final_score: 100 })).toBe(false);
  });

  it('goes by the final score without a grade, and is undefined with neither', () => {
    expect(passed({ final_grade: null, final_score: PASS_SCORE })).toBe(true);
    expect(passed({ final_grade: '', final_score: PASS_SCORE - 0.5 })).toBe(false);
    expect(passed({ final_grade: null, final_score: null })).toBeUndefined();
    expect(passed(undefined)).toBeUndefined();
  });
});
