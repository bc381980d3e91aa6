import { describe, expect, it } from 'vitest';
import type { ExternalResult } from '../../../src-shared/domain/approval/approval.schema';
import { groupByQualification } from './result-groups';

const result = (code: string, fields: Partial<ExternalResult> = {}): ExternalResult => ({
  institutionCode: '216',
  institutionName: 'Høgskulen i Sogn og Fjordane',
  category: 'course',
  code,
  nameNb: code,
  nameEn: code,
  term: '2014 VÅR',
  credits: 10,
  grade: 'B',
  ...fields,
});

describe('groupByQualification', () => {
  it('puts each course under the degree it counts towards, and courses without a fetched degree last', () => {
    const degree = result('BAINF', { category: 'qualification', credits: 180, grade: 'Bestått' });
    const groups = groupByQualification([
      result('RES-100', { qualificationCode: 'BAINF' }),
      degree,
      result('EXPHIL'),
      result('INF300', { qualificationCode: 'BAINF' }),
      result('OTHER', { qualificationCode: 'MAINF' }),
    ]);
    expect(groups.map((g) => [g.qualification?.code, g.courses.map((c) => c.code)])).toEqual([
      ['BAINF', ['RES-100', 'INF300']],
      [undefined, ['EXPHIL', 'OTHER']],
    ]);
  });

  it('keeps institutions apart, even when two have a degree with the same code', () => {
    const groups = groupByQualification([
      result('BA', { category: 'qualification' }),
      result('C1', { qualificationCode: 'BA' }),
      result('BA', { category: 'qualification', institutionCode: '214', institutionName: 'Høgskolen i Nord-Trøndelag' }),
      result('C2', { qualificationCode: 'BA', institutionCode: '214', institutionName: 'Høgskolen i Nord-Trøndelag' }),
    ]);
    expect(groups.map((g) => [g.institutionName, g.courses.map((c) => c.code)])).toEqual([
      ['Høgskulen i Sogn og Fjordane', ['C1']],
      ['Høgskolen i Nord-Trøndelag', ['C2']],
    ]);
  });

  it('gives no groups for no results', () => {
    expect(groupByQualification([])).toEqual([]);
  });
});
