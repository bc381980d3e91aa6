import { describe, expect, it } from 'vitest';
import { REGISTRATION } from '../../../../dev/testing/fixtures';
import { passListOf, resultsProblem, type CourseResults } from './course-results';
import type { Participant } from './participant.schema';

const at = '2026-12-01T10:00:00.000Z';
const person = (n: number, status: Participant['status']): Participant => ({
  ...REGISTRATION,
  name: `Deltaker ${n}`,
  email: `deltaker${n}@example.com`,
  id: `p-${n}`,
  registeredAt: at,
  status,
});
const results = (entries: CourseResults['entries'], recordedBy = 'teacher-1'): CourseResults => ({ source: 'teacher', recordedAt: at, recordedBy, entries });

describe('the pass list', () => {
  it('matches admitted participants to the results by e-mail address, whatever its case', () => {
    const participants = [person(1, 'admitted'), person(2, 'admitted'), person(3, 'admitted'), person(4, 'rejected')];
    const list = passListOf(
      participants,
      results([
        { email: 'DELTAKER1@example.com', name: 'Deltaker 1', result: 'passed' },
        { email: 'deltaker2@example.com', name: 'Deltaker 2', result: 'failed' },
        { email: 'deltaker4@example.com', name: 'Deltaker 4', result: 'passed' },
      ]),
    );
    expect(list.passed.map((p) => p.id)).toEqual(['p-1']);
    expect(list.failed.map((p) => p.id)).toEqual(['p-2']);
    expect(list.missing.map((p) => p.id)).toEqual(['p-3']);
    // A participant who was not admitted gets no certificate, whatever the list says.
    expect(list.unmatched.map((e) => e.email)).toEqual(['deltaker4@example.com']);
  });

  it('is empty before any results are recorded', () => {
    expect(passListOf([person(1, 'admitted')], undefined)).toMatchObject({ passed: [], missing: [{ id: 'p-1' }] });
  });
});

describe('recording results', () => {
  const list = results([{ email: 'deltaker1@example.com', name: 'Deltaker 1', result: 'passed' }]);
  it('is the teaching resource’s, in their own name', () => {
    expect(resultsProblem(undefined, list, 'teacher-1', 'teacher-1')).toBeNull();
    expect(resultsProblem(undefined, list, 'teacher-2', 'teacher-1')).toMatch(/Only the course’s teaching resource/);
    expect(resultsProblem(undefined, results(list.entries, 'someone'), 'teacher-1', 'teacher-1')).toMatch(/own name/);
    expect(resultsProblem(undefined, { ...list, source: 'lms' }, 'teacher-1', 'teacher-1')).toMatch(/own name/);
  });

  it('never removes results, and an unchanged list needs no right at all', () => {
    expect(resultsProblem(list, undefined, 'teacher-1', 'teacher-1')).toMatch(/not removed/);
    expect(resultsProblem(list, list, 'departmentHead-1', 'teacher-1')).toBeNull();
  });
});
