import type { Case } from '../../../src-shared/domain/case/case.schema';
import { followUpCasePath } from '../follow-up/follow-up-path';

/** Where a case opens: a follow-up case on its workflow page, any other case on the case page. */
export function casePathOf(c: Pick<Case, 'id' | 'type'>): string {
  return c.type === 'followUp' ? followUpCasePath(c.id) : `/cases/${encodeURIComponent(c.id)}`;
}
