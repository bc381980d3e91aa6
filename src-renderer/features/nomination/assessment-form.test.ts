import { describe, expect, it } from 'vitest';
import { assessmentFormSchema, assessmentFormValues } from './assessment-form';

describe('the assessment form', () => {
  it('takes blank fields as not assessed and numbers as numbers', () => {
    const parsed = assessmentFormSchema.parse({ gradeAverage: '82.5', committeeScore: '', motivationScore: '', progress: '60', isced: ' 0913 ', eqf: '6' });
    expect(parsed).toEqual({ gradeAverage: 82.5, progress: 60, isced: '0913', eqf: 6 });
  });

  it('refuses values outside the scales, and round-trips a recorded assessment', () => {
    expect(assessmentFormSchema.safeParse({ gradeAverage: '101', committeeScore: '', motivationScore: '', progress: '', isced: '', eqf: '' }).success).toBe(
      false,
    );
    expect(assessmentFormSchema.safeParse({ gradeAverage: '', committeeScore: '', motivationScore: '', progress: '', isced: '9x', eqf: '9' }).success).toBe(
      false,
    );
    const recorded = { gradeAverage: 70, eqf: 7, assessedAt: '2026-12-06T10:00:00.000Z', assessedBy: 'u-1' };
    const values = assessmentFormValues(recorded);
    expect(values).toEqual({ gradeAverage: '70', committeeScore: '', motivationScore: '', progress: '', isced: '', eqf: '7' });
    expect(assessmentFormSchema.parse(values)).toEqual({ gradeAverage: 70, eqf: 7 });
  });
});
