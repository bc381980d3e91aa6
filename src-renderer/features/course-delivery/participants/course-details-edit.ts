import { canWritePart, canReadPart, partAccess, type Access } from '../../../../src-shared/domain/access/access-table';
import type { Actor } from '../../../../src-shared/domain/access/roles';
import { checkCaseChange } from '../../../../src-shared/domain/case/case-change';
import type { Case } from '../../../../src-shared/domain/case/case.schema';
import type { CourseDeliveryCase, CourseDeliveryDetails } from '../../../../src-shared/domain/course-delivery';
import type { SaksflytDatabase } from '../../../db/database';

/** The acting user's widest access to a part of a course case, over all their roles. */
export function courseAccess(actor: Actor, part: string): { read: boolean; write: boolean } {
  const access: Access[] = actor.roles.map((role) => partAccess('courseDelivery', role, part));
  return { read: access.some(canReadPart), write: access.some(canWritePart) };
}

/** The course with changed details: a plain case edit, stamped with who and when. */
export function withDetails(c: CourseDeliveryCase, change: Partial<CourseDeliveryDetails>, actorId: string, at: string): CourseDeliveryCase {
  return { ...c, details: { ...c.details, ...change }, updatedAt: at, updatedBy: actorId };
}

/** Why the server would refuse the edit (its own check on the pushed case), or null. */
export function courseEditProblem(before: CourseDeliveryCase, after: CourseDeliveryCase, actor: Actor): string | null {
  const result = checkCaseChange({ before: before as Case, after: after as Case, actor });
  return result.ok ? null : result.message;
}

/**
 * A plain edit of a course's details, made on the case as the replica holds it now (a registration
 * synced in since the page was drawn is kept): checked as the server will check it, then written to
 * the replica (synced like any change). Returns why it was refused, or null when written.
 */
export async function saveCourseEdit(
  db: SaksflytDatabase,
  caseId: string,
  actor: Actor,
  change: (details: CourseDeliveryDetails) => Partial<CourseDeliveryDetails>,
): Promise<string | null> {
  const stored = await db.cases.findOne(caseId).exec();
  if (!stored) return `No case ${caseId}`;
  const before = stored.toJSON() as Case as CourseDeliveryCase;
  const after = withDetails(before, change(before.details), actor.userId, new Date().toISOString());
  const problem = courseEditProblem(before, after, actor);
  if (problem) return problem;
  await stored.incrementalModify((current) => {
    const details = current.details as CourseDeliveryDetails;
    return { ...current, details: { ...details, ...change(details) }, updatedAt: after.updatedAt, updatedBy: after.updatedBy };
  });
  return null;
}
