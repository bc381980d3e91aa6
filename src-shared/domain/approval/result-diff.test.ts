import { describe, expect, it } from 'vitest';
import type { ExternalResult } from './approval.schema';
import { compareGrades, resultDiff } from './result-diff';
import { externalCourse } from '../../../dev/testing/external-result';

const result = (code: string, grade: string, extra: Partial<ExternalResult> = {}) => externalCourse(code, grade, { qualificationCode: 'BA-RES', ...extra });

describe('compareGrades', () => {
  it.each([
    ['A', 'B', 1],
    ['F', 'E', -1],
    ['c', 'C', 0],
    ['Bestått', 'Ikke bestått', 1],
    ['passed', 'failed', 1],
    ['2,3', '2.7', 1],
    ['4.0', '1.5', -1],
    ['A', 'Bestått', null],
    ['B', '3.0', null],
    ['Godkjent med merknad', 'A', null],
  ] as const)('%s against %s is %s', (a, b, expected) => {
    expect(compareGrades(a, b)).toBe(expected);
  });
});

describe('resultDiff', () => {
  it('shows new results, new degrees, improved and other grades, changed credits, the unchanged and what was not fetched', () => {
    const accepted = [result('RES-100', 'C'), result('RES-200', 'B'), result('RES-300', 'Bestått'), result('RES-400', 'A'), result('RES-500', 'B')];
    const fetched = [
      // A retake in a later term is the same course.
      result('RES-100', 'A', { term: '2015V' }),
      result('RES-200', 'D'),
      result('RES-300', 'Bestått', { credits: 15 }),
      result('RES-400', 'A'),
      result('RES-600', 'B'),
      result('BA-RES', 'Bestått', { category: 'qualification', credits: 180, qualificationCode: undefined }),
    ];
    const diff = resultDiff(accepted, fetched);
    const codes = (list: readonly ExternalResult[]) => list.map((r) => r.code);
    expect(codes(diff.newResults)).toEqual(['RES-600']);
    expect(codes(diff.newQualifications)).toEqual(['BA-RES']);
    expect(diff.improvedGrades.map((c) => `${c.after.code} ${c.before.grade}→${c.after.grade}`)).toEqual(['RES-100 C→A']);
    expect(diff.changedGrades.map((c) => `${c.after.code} ${c.before.grade}→${c.after.grade}`)).toEqual(['RES-200 B→D']);
    expect(diff.changedCredits.map((c) => `${c.after.code} ${c.before.credits}→${c.after.credits}`)).toEqual(['RES-300 10→15']);
    expect(codes(diff.unchanged)).toEqual(['RES-400']);
    expect(codes(diff.notFetched)).toEqual(['RES-500']);
    // The link course → qualification is kept as fetched.
    expect(diff.newResults[0]!.qualificationCode).toBe('BA-RES');
  });

  it('tells the same course at two institutions apart', () => {
    const diff = resultDiff([result('EXPHIL', 'B')], [result('EXPHIL', 'B', { institutionCode: '214', institutionName: 'HiNT' })]);
    expect(diff.newResults).toHaveLength(1);
    expect(diff.notFetched).toHaveLength(1);
  });
});
