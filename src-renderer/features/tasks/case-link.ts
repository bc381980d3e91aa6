import type { Case } from '../../../src-shared/domain/case/case.schema';
import { courseCasePath } from '../course-delivery/course-delivery-path';
import { followUpCasePath } from '../follow-up/follow-up-path';

/** Where a case opens: a follow-up case or a course on its own page, any other case on the case page. */
export function casePathOf(c: Pick<Case, 'id' | 'type'>): string {
  if (c.type === 'followUp') return followUpCasePath(c.id);
  return c.type === 'courseDelivery' ? courseCasePath(c.id) : `/cases/${encodeURIComponent(c.id)}`;
}
