import { describe, expect, it } from 'vitest';
import { actorFor, courseDeliveryEvents, courseDeliveryStart, edited, REGISTRATION, TEACHER_ID, walk } from '../../../dev/testing/fixtures';
import { checkCaseChange } from '../case/case-change';
import type { Case } from '../case/case.schema';
import { systemActor } from '../workflow/workflow';
import { courseDeliveryWorkflow, transition, type CourseDeliveryCase } from './course-delivery.workflow';
import { applicationsHandled } from './participants';

const consultant = actorFor('operationsConsultant');
const head = actorFor('departmentHead');
const states = walk(courseDeliveryWorkflow, courseDeliveryStart(), [
  ['departmentHead', courseDeliveryEvents.sendContract],
  ['teacher', courseDeliveryEvents.signContract],
  ['departmentHead', courseDeliveryEvents.archiveContract],
  ['operationsConsultant', courseDeliveryEvents.publish],
  ['operationsConsultant', courseDeliveryEvents.prepareLms],
]);
const lmsReady = states.at(-1)!;

describe('course delivery workflow', () => {
  it('sends the contract for the teaching resource’s signature and archives it once signed', () => {
    const sent = transition(states[0]!, courseDeliveryEvents.sendContract(states[0]!), head);
    expect(sent.ok && sent.commands).toContainEqual(
      expect.objectContaining({ type: 'requestSignature', document: 'contract', signer: { kind: 'user', userId: TEACHER_ID }, method: 'pades' }),
    );
    const archived = states.find((s) => s.status === 'contractArchived')!;
    expect(archived.details.contract).toMatchObject({ signedAt: expect.any(String), archivedAt: expect.any(String) });
  });

  it('lets only the course’s own teaching resource sign and grade', () => {
    const sent = states[1]!;
    const otherTeacher = actorFor('teacher', { userId: 'teacher-2' });
    const otherInvolved = { ...sent, assignees: [...sent.assignees, 'teacher-2'] };
    expect(transition(otherInvolved, courseDeliveryEvents.signContract(otherInvolved), otherTeacher)).toMatchObject({
      ok: false,
      reason: 'precondition-failed',
    });
    expect(transition(sent, courseDeliveryEvents.signContract(sent), otherTeacher)).toMatchObject({ ok: false, reason: 'out-of-scope' });
  });

  it('enrols participants only after the head of department has handled the applications', () => {
    expect(transition(lmsReady, courseDeliveryEvents.enrol(lmsReady), consultant)).toMatchObject({ ok: false, reason: 'precondition-failed' });
    const handled = edited(lmsReady, head, { details: { ...lmsReady.details, applications: { handledAt: lmsReady.updatedAt, admitted: 20, waitlisted: 0 } } });
    const enrolled = transition(handled, courseDeliveryEvents.enrol(handled), consultant);
    expect(enrolled.ok && enrolled.commands.map((c) => (c.type === 'callIntegration' ? `${c.system}:${c.operation}` : c.type))).toEqual([
      'canvas:users.enrol',
      'web:participants.welcomeLetter',
      'exledger:participants.invoice',
    ]);
  });

  it('issues certificates only once the certificate text is written', () => {
    const graded = walk(
      courseDeliveryWorkflow,
      edited(lmsReady, head, { details: { ...lmsReady.details, applications: { handledAt: lmsReady.updatedAt, admitted: 20, waitlisted: 0 } } }),
      [
        ['operationsConsultant', courseDeliveryEvents.enrol],
        ['operationsConsultant', courseDeliveryEvents.start],
        ['operationsConsultant', courseDeliveryEvents.evaluate],
        ['teacher', courseDeliveryEvents.grade],
      ],
    ).at(-1)!;
    expect(transition(graded, courseDeliveryEvents.issueCertificates(graded), consultant)).toMatchObject({ ok: false, reason: 'precondition-failed' });
    const written = edited(graded, head, { details: { ...graded.details, certificateText: { writtenAt: graded.updatedAt, text: 'Bestått.' } } });
    const issued = transition(written, courseDeliveryEvents.issueCertificates(written), consultant);
    expect(issued.ok && issued.state.details.certificates).toMatchObject({ count: 18 });
  });

  describe('what the server does about a change, whichever step or edit made it', () => {
    const calls = (before: CourseDeliveryCase, after: CourseDeliveryCase) =>
      courseDeliveryWorkflow
        .commandsFromChange(before as unknown as Case, after as unknown as Case)
        .map((c) => (c.type === 'callIntegration' ? `${c.system}:${c.operation}` : c.type));
    const published = states.find((s) => s.status === 'published')!;
    const registered = transition(published, courseDeliveryEvents.registerParticipant(published), systemActor);
    if (!registered.ok) throw new Error(registered.message);
    const withParticipant = {
      ...registered.state,
      details: { ...registered.state.details, registration: { capacity: 20, deadline: '2026-12-31', fields: [] } },
    };

    it('e-mails the department head’s decisions, and the head decides by a plain edit the server accepts', () => {
      const [participant] = withParticipant.details.participants!;
      const decided = edited(withParticipant, head, {
        details: {
          ...withParticipant.details,
          participants: [{ ...participant!, status: 'admitted', decision: { at: withParticipant.updatedAt, by: head.userId } }],
        },
      });
      expect(checkCaseChange({ before: withParticipant as unknown as Case, after: decided as unknown as Case, actor: head })).toEqual({ ok: true });
      expect(calls(withParticipant, decided)).toEqual(['web:participants.decisions']);
      // A registration arriving is no decision: nothing is e-mailed about it here (the portal sends the receipt).
      expect(calls(published, registered.state)).toEqual([]);
      // Nobody else adds or decides participants.
      const added = edited(withParticipant, head, {
        details: { ...withParticipant.details, participants: [...withParticipant.details.participants!, { ...participant!, id: 'x', email: 'x@example.com' }] },
      });
      expect(checkCaseChange({ before: withParticipant as unknown as Case, after: added as unknown as Case, actor: head })).toMatchObject({ ok: false });
      expect(
        checkCaseChange({
          before: withParticipant as unknown as Case,
          after: { ...decided, updatedBy: consultant.userId } as unknown as Case,
          actor: consultant,
        }),
      ).toMatchObject({ ok: false });
    });

    it('counts the head’s decisions as the handled applications, which enrolment waits for', () => {
      const ready = { ...withParticipant, status: 'lmsReady' as const };
      const participants = ready.details.participants!.map((p) => ({ ...p, status: 'admitted' as const, decision: { at: ready.updatedAt, by: head.userId } }));
      const decided = edited(ready, head, { details: { ...ready.details, participants, applications: applicationsHandled(participants, ready.updatedAt) } });
      expect(decided.details.applications).toEqual({ handledAt: ready.updatedAt, admitted: 1, waitlisted: 0 });
      expect(checkCaseChange({ before: ready as unknown as Case, after: decided as unknown as Case, actor: head })).toEqual({ ok: true });
      expect(transition(ready, courseDeliveryEvents.enrol(ready), consultant)).toMatchObject({ ok: false, reason: 'precondition-failed' });
      expect(transition(decided, { ...courseDeliveryEvents.enrol(decided), participants: 1 }, consultant)).toMatchObject({ ok: true });
    });

    it('posts and e-mails the evaluation link, and asks the LMS for the grades', () => {
      const running = { ...lmsReady, status: 'inProgress' as const };
      const sent = transition(running, courseDeliveryEvents.sendEvaluation(running), consultant);
      expect(sent.ok && calls(running, sent.state)).toEqual(['canvas:evaluation.post', 'web:participants.evaluation']);
      const evaluated = { ...lmsReady, status: 'evaluated' as const };
      const asked = transition(evaluated, courseDeliveryEvents.requestLmsGrades(evaluated), actorFor('teacher'));
      expect(asked.ok && calls(evaluated, asked.state)).toEqual(['canvas:grades.read']);
      const noLms = { ...evaluated, details: { ...evaluated.details, lms: { ...evaluated.details.lms!, canvasCourseId: undefined } } };
      expect(transition(noLms, courseDeliveryEvents.requestLmsGrades(noLms), consultant)).toMatchObject({ ok: false, reason: 'precondition-failed' });
    });

    it('takes the teaching resource’s uploaded results as a plain edit, and the grade must agree with them', () => {
      const evaluated = { ...lmsReady, status: 'evaluated' as const };
      const teacher = actorFor('teacher');
      const entries = [{ email: REGISTRATION.email, name: REGISTRATION.name, result: 'passed' as const }];
      const uploaded = edited(evaluated, teacher, {
        details: { ...evaluated.details, results: { source: 'teacher', recordedAt: evaluated.updatedAt, recordedBy: TEACHER_ID, entries } },
      });
      expect(checkCaseChange({ before: evaluated as unknown as Case, after: uploaded as unknown as Case, actor: teacher })).toEqual({ ok: true });
      const other = actorFor('teacher', { userId: 'teacher-2' });
      const inOtherName = { ...evaluated, assignees: [...evaluated.assignees, 'teacher-2'] };
      const byOther = edited(inOtherName, other, { details: { ...uploaded.details, results: { ...uploaded.details.results!, recordedBy: 'teacher-2' } } });
      expect(checkCaseChange({ before: inOtherName as unknown as Case, after: byOther as unknown as Case, actor: other })).toMatchObject({ ok: false });
      // One passed on the list: a grade of 18 passed is refused, one of 1 passed and 0 failed is taken.
      expect(transition(uploaded, courseDeliveryEvents.grade(uploaded), teacher)).toMatchObject({ ok: false });
      expect(transition(uploaded, { ...courseDeliveryEvents.grade(uploaded), passed: 1, failed: 0 }, teacher)).toMatchObject({ ok: true });
    });
  });
});
