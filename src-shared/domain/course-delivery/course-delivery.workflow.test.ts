import { describe, expect, it } from 'vitest';
import { actorFor, courseDeliveryEvents, courseDeliveryStart, edited, TEACHER_ID, walk } from '../../../dev/testing/fixtures';
import { courseDeliveryWorkflow, transition } from './course-delivery.workflow';

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
});
