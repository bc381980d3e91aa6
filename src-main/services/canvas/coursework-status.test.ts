import { describe, expect, it } from 'vitest';
import { courseworkStateOf, type CanvasSubmission } from './coursework-status';

const submission = (fields: Partial<CanvasSubmission>): CanvasSubmission => ({ assignment_id: 1, workflow_state: 'unsubmitted', ...fields });

describe('courseworkStateOf', () => {
  it.each([
    [{ workflow_state: 'unsubmitted' }, 'notSubmitted'],
    [{ workflow_state: 'unsubmitted', missing: true }, 'notSubmitted'],
    [{ workflow_state: 'submitted' }, 'submitted'],
    [{ workflow_state: 'pending_review' }, 'submitted'],
    [{ workflow_state: 'graded', grade: 'complete', score: 1 }, 'approved'],
    [{ workflow_state: 'graded', grade: 'Godkjent' }, 'approved'],
    [{ workflow_state: 'graded', grade: 'incomplete', score: 0 }, 'notApproved'],
    [{ workflow_state: 'graded', grade: 'F' }, 'notApproved'],
    [{ workflow_state: 'graded', grade: '7', score: 7 }, 'approved'],
    [{ workflow_state: 'graded', grade: 'complete', grade_matches_current_submission: false }, 'submitted'],
    [{ workflow_state: 'graded', grade: 'incomplete', redo_request: true }, 'resubmissionRequired'],
    [{ workflow_state: 'unsubmitted', excused: true }, 'approved'],
  ] as const)('%o → %s', (fields, expected) => {
    expect(courseworkStateOf(submission(fields))).toBe(expected);
  });
});
