import { describe, expect, it } from 'vitest';
import { resultDiff, type ExternalResult } from '../../../src-shared/domain/approval';
import { diffRows } from './diff-rows';

const result = (code: string, fields: Partial<ExternalResult> = {}): ExternalResult => ({
  institutionCode: '216',
  institutionName: 'HiSF',
  category: 'course',
  code,
  nameNb: code,
  nameEn: code,
  term: '2014V',
  credits: 10,
  grade: 'C',
  ...fields,
});

describe('diffRows', () => {
  it('lists new degrees, new results, grade and credit changes and what was not fetched again, and leaves the unchanged out', () => {
    const accepted = [result('RES-100', { grade: 'C' }), result('INF300', { grade: 'A' }), result('SAME'), result('GONE'), result('PTS')];
    const fetched = [
      result('BAINF', { category: 'qualification', credits: 180, grade: 'Bestått' }),
      result('NEW'),
      result('RES-100', { grade: 'B' }),
      result('INF300', { grade: 'D', credits: 15 }),
      result('SAME'),
      result('PTS', { credits: 7.5 }),
    ];
    const rows = diffRows(resultDiff(accepted, fetched));
    expect(rows.map((row) => [row.kind, row.result.code, row.before?.grade])).toEqual([
      ['newQualification', 'BAINF', undefined],
      ['newResult', 'NEW', undefined],
      ['improvedGrade', 'RES-100', 'C'],
      ['changedGrade', 'INF300', 'A'],
      ['changedCredits', 'INF300', 'A'],
      ['changedCredits', 'PTS', 'C'],
      ['notFetched', 'GONE', undefined],
    ]);
  });

  it('has no rows when the fetch brings back exactly what is accepted', () => {
    expect(diffRows(resultDiff([result('A1')], [result('A1')]))).toEqual([]);
  });
});
