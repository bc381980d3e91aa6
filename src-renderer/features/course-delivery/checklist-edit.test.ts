import { describe, expect, it } from 'vitest';
import { actorFor, courseDeliveryStart } from '../../../dev/testing/fixtures';
import { checklistEditProblem, withChecklistEntry } from './checklist-edit';

const head = actorFor('departmentHead');
const at = '2026-09-01T10:00:00.000Z';

describe('recording a checklist step as a case edit', () => {
  const course = courseDeliveryStart();

  it('writes the entry into details.checklist, stamped as the case’s last change', () => {
    const entry = { state: 'done' as const, changedAt: at, changedBy: head.userId };
    const after = withChecklistEntry(course, 'informOperations', entry);
    expect(after.details.checklist).toEqual({ informOperations: entry });
    expect(after).toMatchObject({ updatedAt: at, updatedBy: head.userId, status: course.status });
    expect(checklistEditProblem(course, 'informOperations', entry, head)).toBeNull();
  });

  it('is refused before saving as the server would: another side’s step, a missing reason or reference, an open dependency', () => {
    const consultant = actorFor('operationsConsultant');
    expect(checklistEditProblem(course, 'informOperations', { state: 'done', changedAt: at, changedBy: consultant.userId }, consultant)).toMatch(
      /Only the departmentHead side/,
    );
    expect(checklistEditProblem(course, 'marketing', { state: 'notApplicable', changedAt: at, changedBy: head.userId }, head)).toMatch(/Say why/);
    expect(checklistEditProblem(course, 'contractSent', { state: 'done', changedAt: at, changedBy: head.userId }, head)).toMatch(/waits for/);
    const archived = withChecklistEntry(course, 'contractArchived', { state: 'done', changedAt: at, changedBy: head.userId });
    expect(checklistEditProblem(archived, 'contractArchived', { state: 'inProgress', changedAt: at, changedBy: head.userId }, head)).toBeNull();
  });
});
