import type { ExternalResult } from './approval.schema';

/**
 * What a fetch brings compared with the accepted results, so a later fetch never overwrites
 * silently. Results are matched by institution, category and code (a retake may have another term).
 */
export interface ResultDiff {
  /** Courses (and other results) not accepted before. */
  newResults: ExternalResult[];
  /** Degrees (qualifications) not accepted before. */
  newQualifications: ExternalResult[];
  improvedGrades: ResultChange[];
  /** Grades that are worse, or not comparable (another scale). */
  changedGrades: ResultChange[];
  changedCredits: ResultChange[];
  /** Same grade and credits. */
  unchanged: ExternalResult[];
  /** Accepted results the fetch did not return (they are kept). */
  notFetched: ExternalResult[];
}

export interface ResultChange {
  before: ExternalResult;
  after: ExternalResult;
}

const matchKey = (r: ExternalResult) => `${r.institutionCode}|${r.category}|${r.code}`;

export function resultDiff(accepted: readonly ExternalResult[], fetched: readonly ExternalResult[]): ResultDiff {
  const known = new Map(accepted.map((r) => [matchKey(r), r]));
  const diff: ResultDiff = { newResults: [], newQualifications: [], improvedGrades: [], changedGrades: [], changedCredits: [], unchanged: [], notFetched: [] };
  const seen = new Set<string>();
  for (const after of fetched) {
    const key = matchKey(after);
    seen.add(key);
    const before = known.get(key);
    if (!before) {
      (after.category === 'qualification' ? diff.newQualifications : diff.newResults).push(after);
      continue;
    }
    const grade = compareGrades(after.grade, before.grade);
    if (grade !== 0) (grade !== null && grade > 0 ? diff.improvedGrades : diff.changedGrades).push({ before, after });
    if (after.credits !== before.credits) diff.changedCredits.push({ before, after });
    if (grade === 0 && after.credits === before.credits) diff.unchanged.push(after);
  }
  diff.notFetched = accepted.filter((r) => !seen.has(matchKey(r)));
  return diff;
}

const letterGrades = ['F', 'E', 'D', 'C', 'B', 'A'];
const passFail: Record<string, number> = { 'ikke bestått': 0, 'not passed': 0, failed: 0, bestått: 1, passed: 1, godkjent: 1 };

/** A grade's place on its scale (higher is better) and the scale, or null for a grade we cannot place. */
function gradeRank(grade: string): { scale: string; rank: number } | null {
  const g = grade.trim();
  const letter = letterGrades.indexOf(g.toUpperCase());
  if (letter >= 0 && g.length === 1) return { scale: 'A-F', rank: letter };
  const passed = passFail[g.toLowerCase()];
  if (passed !== undefined) return { scale: 'pass/fail', rank: passed };
  // The older Norwegian numeric scale: 1.0 is the best grade, 6.0 the worst.
  const numeric = Number(g.replace(',', '.'));
  if (/^\d+([.,]\d+)?$/.test(g) && numeric >= 1 && numeric <= 6) return { scale: '1-6', rank: -numeric };
  return null;
}

/**
 * Positive when `a` is the better grade, negative when worse, 0 when the same; null when the two
 * are not on one scale (A–F with A best, passed/bestått over failed, numeric 1.0 best).
 */
export function compareGrades(a: string, b: string): number | null {
  if (a.trim().toLowerCase() === b.trim().toLowerCase()) return 0;
  const left = gradeRank(a);
  const right = gradeRank(b);
  if (!left || !right || left.scale !== right.scale) return null;
  return Math.sign(left.rank - right.rank);
}
