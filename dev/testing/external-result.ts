import type { ExternalResult } from '../../src-shared/domain/approval/approval.schema';

/** Test support: a 10-credit course result from 216 HiSF, named by its code, with overrides. */
export const externalCourse = (code: string, grade: string, extra: Partial<ExternalResult> = {}): ExternalResult => ({
  institutionCode: '216',
  institutionName: 'HiSF',
  category: 'course',
  code,
  nameNb: code,
  nameEn: code,
  term: '2013H',
  credits: 10,
  grade,
  ...extra,
});
