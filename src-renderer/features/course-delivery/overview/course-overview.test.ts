import { describe, expect, it } from 'vitest';
import { actorFor, courseDeliveryStart } from '../../../../dev/testing/fixtures';
import { checklistSteps } from '../../../../src-shared/domain/course-delivery/checklist';
import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import { courseOverviewRows } from './course-overview';

const head = actorFor('departmentHead');
const at = '2026-06-01T09:00:00.000Z';

function course(id: string, startDate: string, overrides: Partial<CourseDeliveryCase> = {}): CourseDeliveryCase {
  const start = courseDeliveryStart();
  return { ...start, id, caseNumber: `2026/${id}`, details: { ...start.details, course: { ...start.details.course, startDate } }, ...overrides };
}

describe('the department head’s running courses', () => {
  it('lists running courses in the head’s department by start date, with overdue and settled steps counted', () => {
    const later = course('1', '2026-10-05', {
      details: {
        ...course('1', '2026-10-05').details,
        checklist: {
          informOperations: { state: 'done', changedAt: at, changedBy: head.userId },
          marketing: { state: 'notApplicable', reason: 'Internt', changedAt: at, changedBy: head.userId },
        },
      },
    });
    const sooner = course('2', '2026-08-03');
    const rows = courseOverviewRows(
      head,
      [later, sooner, course('3', '2026-07-01', { status: 'closed' }), course('4', '2026-07-01', { department: 'elsewhere' })],
      '2026-06-01',
    );
    expect(rows.map((row) => row.caseDoc.id)).toEqual(['2', '1']);
    // Course 2 starts 2026-08-03: informing operations (70 days before) was due 2026-05-25.
    expect(rows[0]).toMatchObject({ overdue: 1, settled: 0, total: checklistSteps.length });
    expect(rows[1]).toMatchObject({ overdue: 0, settled: 2 });
  });
});
