import { describe, expect, it } from 'vitest';
import { appealDeadline } from '../appeal/appeal-deadline';
import { NO_DEADLINE } from '../case/case.schema';
import { actorFor, followUpEvents, followUpStart, happyPaths, SUBJECT_ID, walk } from '../../../dev/testing';
import { commandSchema } from '../workflow/command.schema';
import { followUpDetailsSchema, followUpStatuses } from './follow-up.schema';
import { followUpWorkflow, joinReports, transition, type FollowUpCase } from './follow-up.workflow';

const coordinator = actorFor('cohortCoordinator');
const head = actorFor('departmentHead');

// The main path up to the decision sent (without the last step, closing the case).
const states = walk(followUpWorkflow, followUpStart(), happyPaths.followUp.slice(0, -1));
const at = (status: FollowUpCase['status']) => states.find((s) => s.status === status)!;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('follow-up workflow', () => {
  it('walks the whole process from report to decision with valid details at every step', () => {
    // Every status but the two ends off the main path: merged into another case, and closed.
    expect(states.map((s) => s.status)).toEqual(followUpStatuses.filter((status) => status !== 'merged' && status !== 'closed'));
    for (const state of states) expect(followUpDetailsSchema.safeParse(state.details).success, state.status).toBe(true);
  });

  it('returns the commands of each step as data', () => {
    const commandsOf = (status: FollowUpCase['status'], event: keyof typeof followUpEvents, actor = coordinator) => {
      const state = at(status);
      const result = transition(state, followUpEvents[event](state) as never, actor);
      if (!result.ok) throw new Error(result.message);
      for (const command of result.commands) expect(commandSchema.safeParse(command).success).toBe(true);
      return result.commands;
    };
    expect(commandsOf('open', 'summon')).toEqual([
      { type: 'renderDocument', caseId: 'followUp-case-1', document: 'summons', template: 'followUp.summons' },
      expect.objectContaining({ type: 'createTask', assignee: { kind: 'user', userId: coordinator.userId } }),
      { type: 'notify', caseId: 'followUp-case-1', to: { kind: 'person', personId: SUBJECT_ID }, copyTo: [], template: 'followUp.summons', letter: 'summons' },
    ]);
    expect(commandsOf('conversationHeld', 'draftProtocol')).toContainEqual(
      expect.objectContaining({ type: 'requestSignature', document: 'protocol', method: 'onScreen', signer: { kind: 'person', personId: SUBJECT_ID } }),
    );
    expect(commandsOf('protocolSigned', 'sendProtocol')).toEqual([
      { type: 'archive', caseId: 'followUp-case-1', document: 'protocol', folder: 'student' },
      {
        type: 'notify',
        caseId: 'followUp-case-1',
        to: { kind: 'role', role: 'departmentHead' },
        copyTo: [{ kind: 'person', personId: SUBJECT_ID }],
        template: 'followUp.protocolToHead',
        letter: 'protocol',
      },
    ]);
    expect(commandsOf('protocolSent', 'callMeeting', head)).toEqual([
      expect.objectContaining({ type: 'notify', to: { kind: 'role', role: 'rector' }, copyTo: [{ kind: 'role', role: 'cohortCoordinator' }] }),
    ]);
    expect(commandsOf('meetingCalled', 'reviewWithRector', actorFor('rector'))).toEqual([]);
    expect(commandsOf('reviewedWithRector', 'decide', head).map((c) => c.type)).toEqual(['renderDocument', 'requestSignature', 'archive']);
    expect(commandsOf('decisionArchived', 'sendDecision', head)).toEqual([
      expect.objectContaining({ type: 'notify', to: { kind: 'person', personId: SUBJECT_ID }, copyTo: [{ kind: 'role', role: 'rector' }] }),
    ]);
  });

  it('records both signatures and who decided', () => {
    const protocol = at('protocolSigned').details.protocol!;
    expect(protocol.studentSignature).toMatchObject({ signerName: 'Ola Student', method: 'onScreen' });
    expect(protocol.coordinatorSignature).toMatchObject({ signerName: coordinator.name, method: 'certificate' });
    expect(at('decided').details.decision!.decidedBy).toEqual([head.userId, 'rector-1']);
  });

  it('lets a logged-in student sign in their own name', () => {
    const state = at('protocolDrafted');
    const result = transition(
      state,
      { ...followUpEvents.signAsStudent(state), signerName: 'Someone Else', method: 'certificate' },
      actorFor('student', { name: 'Ola Student' }),
    );
    expect(result.ok && result.state.details.protocol!.studentSignature).toMatchObject({ signerName: 'Ola Student', method: 'certificate' });
  });

  it('computes the appeal deadline from receipt and makes it the next deadline', () => {
    const sent = at('decisionSent');
    const delivery = sent.details.decisionDelivery!;
    expect(delivery.appealDeadline).toBe(appealDeadline(delivery.receivedOn));
    expect(sent.deadlines).toEqual([{ kind: 'appeal', due: delivery.appealDeadline, label: 'Klagefrist' }]);
    expect(sent.nextDeadline).toBe(delivery.appealDeadline);

    const archived = at('decisionArchived');
    const posted = transition(archived, { ...followUpEvents.sendDecision(archived), receivedOn: '2026-12-04' }, head);
    expect(posted.ok && posted.state.details.decisionDelivery!.appealDeadline).toBe('2026-12-28');
  });

  it('closes only after the appeal period, and clears the deadlines', () => {
    const sent = at('decisionSent');
    const early = transition(sent, { type: 'close', at: new Date(Date.parse(sent.updatedAt) + 86_400_000).toISOString() }, head);
    expect(early).toMatchObject({ ok: false, reason: 'precondition-failed' });
    expect(!early.ok && early.message).toMatch(/appeal period runs until/);
    const closed = transition(sent, followUpEvents.close(sent), head);
    expect(closed.ok && closed.state).toMatchObject({ status: 'closed', deadlines: [], nextDeadline: NO_DEADLINE });
    expect(closed.ok && closed.state.details.closure).toMatchObject({ outcome: 'decisionSent' });
  });

  it('closes without a decision: by the coordinator when opened, by the head after the protocol', () => {
    const open = transition(at('open'), followUpEvents.closeWithoutDecision(at('open')), coordinator);
    expect(open.ok && open.state.details.closure!.outcome).toBe('noFollowUpNeeded');
    const afterProtocol = transition(at('protocolSent'), followUpEvents.closeWithoutDecision(at('protocolSent')), head);
    expect(afterProtocol.ok && afterProtocol.state.details.closure!.outcome).toBe('noDecision');
    expect(afterProtocol.ok && afterProtocol.commands).toEqual([
      expect.objectContaining({ type: 'notify', template: 'followUp.closedWithoutDecision', to: { kind: 'person', personId: SUBJECT_ID } }),
      { type: 'closeCaseFolder', caseId: afterProtocol.ok ? afterProtocol.state.id : '' },
    ]);
  });

  it('sends the case back to "open" when the student does not attend', () => {
    const summoned = at('summoned');
    const result = transition(summoned, followUpEvents.recordNoShow(summoned), coordinator);
    expect(result.ok && result.state.status).toBe('open');
    expect(result.ok && result.state.details.summons).toBeUndefined();
  });

  it('refuses a summons for a time before it is sent', () => {
    const open = at('open');
    const result = transition(open, { ...followUpEvents.summon(open), meetingAt: open.updatedAt }, coordinator);
    expect(result).toMatchObject({ ok: false, reason: 'precondition-failed' });
  });

  it('refuses to join a report into its own case', () => {
    const reported = states[0]!;
    const result = transition(reported, { ...followUpEvents.merge(reported), intoCaseId: reported.id }, coordinator);
    expect(result).toMatchObject({ ok: false, reason: 'precondition-failed' });
  });

  it('refuses malformed events', () => {
    const open = at('open');
    expect(transition(open, { ...followUpEvents.summon(open), mode: 'carrier pigeon' } as never, coordinator)).toMatchObject({
      ok: false,
      reason: 'invalid-event',
    });
    expect(transition(open, { type: 'teleport', at: open.updatedAt } as never, coordinator)).toMatchObject({ ok: false, reason: 'invalid-event' });
    expect(transition(open, { type: 'summon' } as never, coordinator)).toMatchObject({ ok: false, reason: 'invalid-event' });
  });

  it('refuses coordinators of other cohorts and other institutions', () => {
    const open = at('open');
    const otherCohort = actorFor('cohortCoordinator', { scope: { ...coordinator.scope, cohorts: ['OKAD-2024H'] } });
    expect(transition(open, followUpEvents.summon(open), otherCohort)).toMatchObject({ ok: false, reason: 'out-of-scope' });
    const otherInstitution = actorFor('cohortCoordinator', { scope: { ...coordinator.scope, institution: 'annen' } });
    expect(transition(open, followUpEvents.summon(open), otherInstitution)).toMatchObject({ ok: false, reason: 'out-of-scope' });
    const someoneElse = actorFor('student', { userId: 'person-2' });
    const drafted = at('protocolDrafted');
    expect(transition(drafted, followUpEvents.signAsStudent(drafted), someoneElse)).toMatchObject({ ok: false, reason: 'out-of-scope' });
  });

  it('never changes the state it is given', () => {
    for (const state of states.slice(0, -1)) deepFreeze(state);
    expect(() =>
      walk(followUpWorkflow, states[0]!, [
        ['cohortCoordinator', followUpEvents.open],
        ['cohortCoordinator', followUpEvents.summon],
      ]),
    ).not.toThrow();
  });

  it('lists the events an actor may take now', () => {
    expect(followUpWorkflow.allowedEvents(at('reported'), coordinator).sort()).toEqual(['merge', 'open']);
    // The rector reviews the case in a step of their own before anyone decides.
    expect(followUpWorkflow.allowedEvents(at('meetingCalled'), head).sort()).toEqual(['closeWithoutDecision']);
    expect(followUpWorkflow.allowedEvents(at('meetingCalled'), actorFor('rector'))).toEqual(['reviewWithRector']);
    expect(followUpWorkflow.allowedEvents(at('meetingCalled'), coordinator)).toEqual([]);
    expect(followUpWorkflow.allowedEvents(at('reviewedWithRector'), head).sort()).toEqual(['closeWithoutDecision', 'decide']);
    expect(followUpWorkflow.allowedEvents(at('reviewedWithRector'), actorFor('rector'))).toEqual(['decide']);
  });

  it('joins reports into the student’s case without duplicates', () => {
    const details = at('open').details;
    const second = { ...details.reports[0]!, id: 'report-2', reportedBy: 'teacher-2' };
    const joined = joinReports(joinReports(details, [second]), [second, details.reports[0]!]);
    expect(joined.reports.map((r) => r.id)).toEqual(['report-1', 'report-2']);
  });
});
