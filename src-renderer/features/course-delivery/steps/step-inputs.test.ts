import { describe, expect, it } from 'vitest';
import { courseDeliveryEvents, courseDeliveryStart, REGISTRATION } from '../../../../dev/testing/fixtures';
import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import { fieldProblem } from './field-problem';
import { inputSteps, stepEvent, stepInputSchema, stepStart, type InputStep } from './step-inputs';

const course = courseDeliveryStart();
const AT = '2026-10-01T10:00:00.000Z';
const withDetails = (details: Partial<CourseDeliveryCase['details']>): CourseDeliveryCase => ({ ...course, details: { ...course.details, ...details } });
const participant = (n: number, status: 'registered' | 'admitted' | 'rejected') => ({
  ...REGISTRATION,
  email: `deltaker${n}@example.com`,
  id: `participant-${n}`,
  registeredAt: AT,
  status,
});
/** The problems a form's values have, by field. */
const problems = (type: InputStep, values: Record<string, unknown>) =>
  Object.fromEntries((stepInputSchema(type).safeParse(values).error?.issues ?? []).map((issue) => [issue.path[0], fieldProblem(issue)]));

describe('the course step forms', () => {
  it('ask for exactly what each step’s shared event takes: the fixture’s input comes out as the same event', () => {
    for (const type of inputSteps) {
      const { type: _type, at: _at, ...input } = courseDeliveryEvents[type](course);
      const values = type === 'cancel' ? { ...input, confirmed: true } : input;
      const parsed = stepInputSchema(type).parse(values);
      expect(stepEvent(type, parsed, AT)).toEqual({ ...input, type, at: AT });
    }
  });

  it('name the field and the problem: no full address, empty findings, a rate above 100, half a participant, no confirmation', () => {
    expect(problems('publish', { url: 'www.hifj.no/evu', registrationUrl: '/portal/#/kurs/case-1' })).toEqual({
      url: { code: 'url' },
      registrationUrl: { code: 'url' },
    });
    expect(problems('evaluate', { responseRate: 120, findings: '' })).toEqual({ responseRate: { code: 'max', max: 100 }, findings: { code: 'required' } });
    expect(problems('evaluate', { responseRate: Number.NaN, findings: 'Fornøyde.' })).toEqual({ responseRate: { code: 'required' } });
    expect(problems('enrol', { participants: 2.5 })).toEqual({ participants: { code: 'wholeNumber' } });
    expect(problems('enrol', { participants: 0 })).toEqual({ participants: { code: 'min', min: 1 } });
    expect(problems('grade', { submissionDeadline: '11.12.2026', passed: 1, failed: 0 })).toEqual({ submissionDeadline: { code: 'date' } });
    expect(problems('cancel', { reason: 'For få påmeldte.', confirmed: false })).toEqual({ confirmed: { code: 'confirm' } });
    expect(problems('evaluate', { responseRate: 50, findings: 'x'.repeat(4001) })).toEqual({ findings: { code: 'tooLong', max: 4000 } });
  });

  it('let the Canvas course id be left out, so the server creates the course', () => {
    expect(problems('prepareLms', { videoRoomUrl: 'https://hifj.example/zoom/1', canvasCourseId: undefined })).toEqual({});
    // The form starts with it left out, so a consultant who only gives the video room is not stopped.
    const { values } = stepStart('prepareLms', course, undefined);
    expect(problems('prepareLms', { ...values, videoRoomUrl: 'https://hifj.example/zoom/1' })).toEqual({});
  });

  it('keep the cancel confirmation out of the event', () => {
    expect(stepEvent('cancel', { reason: 'For få påmeldte.', confirmed: true }, AT)).toEqual({ type: 'cancel', at: AT, reason: 'For få påmeldte.' });
  });
});

describe('what a step form starts with', () => {
  it('publish: the course’s portal registration link on the server; nothing without one (a path is no address)', () => {
    expect(stepStart('publish', course, 'https://saksflyt.hifj.example/').values).toEqual({
      url: '',
      registrationUrl: `https://saksflyt.hifj.example/portal/#/kurs/${course.id}`,
    });
    expect(stepStart('publish', course, undefined).values.registrationUrl).toBe('');
  });

  it('enrol: the admitted registrations, fixed; without registrations the admitted count of the handled applications, to change', () => {
    const registered = withDetails({
      participants: [participant(1, 'admitted'), participant(2, 'rejected'), participant(3, 'admitted'), participant(4, 'registered')],
    });
    expect(stepStart('enrol', registered, undefined)).toEqual({ values: { participants: 2 }, readOnly: ['participants'] });
    const handled = withDetails({ applications: { handledAt: AT, admitted: 17, waitlisted: 2 } });
    expect(stepStart('enrol', handled, undefined)).toEqual({ values: { participants: 17 }, readOnly: [] });
  });

  it('grade: passed and failed as the recorded results count them, fixed; the submission deadline two weeks after the course', () => {
    const entries = [
      { email: 'a@example.com', name: 'A', result: 'passed' as const },
      { email: 'b@example.com', name: 'B', result: 'failed' as const },
      { email: 'c@example.com', name: 'C', result: 'passed' as const },
    ];
    const graded = withDetails({ results: { source: 'lms', recordedAt: AT, recordedBy: 'system', entries } });
    expect(stepStart('grade', graded, undefined)).toEqual({
      values: { submissionDeadline: '2026-12-11', passed: 2, failed: 1 },
      readOnly: ['passed', 'failed'],
    });
    expect(stepStart('grade', course, undefined)).toEqual({ values: { submissionDeadline: '2026-12-11' }, readOnly: [] });
  });
});
