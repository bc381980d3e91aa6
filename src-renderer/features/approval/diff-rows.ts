import type { ExternalResult } from '../../../src-shared/domain/approval/approval.schema';
import type { ResultDiff } from '../../../src-shared/domain/approval/result-diff';

export type DiffKind = 'newQualification' | 'newResult' | 'improvedGrade' | 'changedGrade' | 'changedCredits' | 'notFetched';

export interface DiffRow {
  kind: DiffKind;
  /** The result as the fetch brings it (as accepted, for `notFetched`). */
  result: ExternalResult;
  /** The accepted result it changes, for the changes. */
  before?: ExternalResult;
}

/**
 * A fetch's differences from the accepted results as table rows, degrees first; unchanged results
 * are left out (the page counts them). A result whose grade and credits both changed is two rows.
 */
export function diffRows(diff: ResultDiff): DiffRow[] {
  return [
    ...diff.newQualifications.map((result) => ({ kind: 'newQualification' as const, result })),
    ...diff.newResults.map((result) => ({ kind: 'newResult' as const, result })),
    ...diff.improvedGrades.map(({ before, after }) => ({ kind: 'improvedGrade' as const, result: after, before })),
    ...diff.changedGrades.map(({ before, after }) => ({ kind: 'changedGrade' as const, result: after, before })),
    ...diff.changedCredits.map(({ before, after }) => ({ kind: 'changedCredits' as const, result: after, before })),
    ...diff.notFetched.map((result) => ({ kind: 'notFetched' as const, result })),
  ];
}
