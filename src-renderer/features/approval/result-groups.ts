import type { ExternalResult } from '../../../src-shared/domain/approval/approval.schema';

export interface ResultGroup {
  institutionCode: string;
  institutionName: string;
  /** The degree the courses count towards; undefined for courses outside any fetched degree. */
  qualification?: ExternalResult;
  courses: ExternalResult[];
}

/**
 * Results grouped as the student took them: per institution, each degree with the courses that
 * count towards it, then the courses that count towards no fetched degree. Courses keep their order.
 */
export function groupByQualification(results: readonly ExternalResult[]): ResultGroup[] {
  const groups: ResultGroup[] = [];
  const institutions = [...new Set(results.map((r) => r.institutionCode))];
  for (const code of institutions) {
    const own = results.filter((r) => r.institutionCode === code);
    const institutionName = own[0]?.institutionName ?? code;
    const degrees = own.filter((r) => r.category === 'qualification');
    const courses = own.filter((r) => r.category === 'course');
    for (const qualification of degrees) {
      groups.push({ institutionCode: code, institutionName, qualification, courses: courses.filter((c) => c.qualificationCode === qualification.code) });
    }
    const degreeCodes = new Set(degrees.map((d) => d.code));
    const loose = courses.filter((c) => !c.qualificationCode || !degreeCodes.has(c.qualificationCode));
    if (loose.length > 0) groups.push({ institutionCode: code, institutionName, courses: loose });
  }
  return groups;
}
