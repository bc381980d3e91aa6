import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../src-shared/domain/access/roles';
import { NO_DEADLINE, type Case } from '../../../src-shared/domain/case/case.schema';
import { approvalQueue } from './approval-queue';

const officer: Actor = {
  userId: 'u-sk',
  name: 'Hedda',
  roles: ['caseOfficer'],
  scope: { institution: 'hifj', departments: ['d1'], cohorts: [], partners: [] },
};
const base = {
  type: 'approval',
  caseNumber: '2026/1',
  title: 't',
  institution: 'hifj',
  department: 'd1',
  cohort: '',
  subjectPersonId: 'p-1',
  assignees: [],
  deadlines: [],
  details: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'u-sk',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'u-sk',
} as const;
const approval = (id: string, status: string, nextDeadline: string, fields: Partial<Case> = {}): Case =>
  ({ ...base, id, status, nextDeadline, ...fields }) as Case;

describe('approvalQueue', () => {
  it('lists the open approval cases the officer may see, soonest deadline first and no deadline last', () => {
    const queue = approvalQueue(
      [
        approval('a-late', 'processing', '2027-03-01'),
        approval('a-none', 'registered', NO_DEADLINE),
        approval('a-soon', 'awaitingConsent', '2026-12-10'),
        approval('a-closed', 'closed', '2026-12-01'),
        approval('a-withdrawn', 'withdrawn', '2026-12-01'),
        approval('a-other-institution', 'processing', '2026-12-01', { institution: 'other' }),
        approval('fu-1', 'open', '2026-12-01', { type: 'followUp' }),
      ],
      officer,
    );
    expect(queue.map((c) => c.id)).toEqual(['a-soon', 'a-late', 'a-none']);
  });
});
