import { describe, expect, it } from 'vitest';
import { actorFor, actorOf, approvalStart, followUpStart } from '../../../dev/testing/fixtures';
import { commandKindOf, type CommandKind } from '../workflow/command-executors';
import { everyTransition, walkSubjects } from '../../../dev/testing/workflow-walk';
import { bulkStepFor, bulkSteps } from './bulk-steps';
import type { Case } from './case.schema';
import { caseTypes } from './case-type';

/** Commands that need the case's own screen: a document made, signed, archived or sent as a letter. */
const documentKinds: readonly CommandKind[] = ['renderDocument', 'requestSignature', 'archive', 'letter'];

describe('bulk-able steps of the five workflows', () => {
  it('are the steps that need no input and make no document or signature', () => {
    const steps = Object.fromEntries(caseTypes.map((type) => [type, bulkSteps(type).map((step) => step.event)]));
    expect(steps).toEqual({
      followUp: ['open', 'close', 'recordNoShow'],
      nomination: ['startReview', 'qualify', 'acceptOffer', 'receiveDocumentation', 'grantStudyRight', 'markNotReached', 'declineOffer'],
      approval: ['startProcessing', 'orderResultFetch', 'close', 'requestConsent'],
      placement: ['sendOrder', 'start', 'complete'],
      courseDelivery: ['start', 'requestLmsGrades', 'close'],
    });
  });

  it('carry the workflow’s label in both languages', () => {
    expect(bulkSteps('followUp')[0]?.label).toEqual({ nb: 'Åpne sak', en: 'Open case' });
  });

  for (const subject of walkSubjects) {
    const type = subject.workflow.type;
    it(`${type}: a step that returns a document command declares what it makes, so no bulk step does`, () => {
      const bulk = new Set(bulkSteps(type).map((step) => step.event));
      for (const { step, role, commands } of everyTransition(subject)) {
        const documentCommands = commands.map(commandKindOf).filter((kind) => documentKinds.includes(kind));
        if (documentCommands.length > 0) {
          expect(subject.workflow.eventMakes(step.event), `${step.event} by ${role} returns ${documentCommands.join(', ')}`).toBeDefined();
        }
        if (bulk.has(step.event)) expect(documentCommands, `${step.event} by ${role}`).toEqual([]);
      }
    });

    it(`${type}: every bulk step is taken case by case as on the case's own page`, () => {
      const bulk = new Set(bulkSteps(type).map((step) => step.event));
      const taken = new Set<string>();
      for (const { before, after, step, role, commands } of everyTransition(subject)) {
        if (!bulk.has(step.event)) continue;
        const result = bulkStepFor(before, step.event, actorOf(role), after.updatedAt);
        expect(result, `${step.event} by ${role} from ${before.status}`).toEqual({ ok: true, state: after, commands });
        taken.add(step.event);
      }
      expect([...taken].sort()).toEqual([...bulk].sort());
    });
  }
});

describe('the bulk step for one case', () => {
  const at = '2026-09-02T08:00:00.000Z';
  const reported = followUpStart() as Case;
  const coordinator = actorFor('cohortCoordinator');

  it('is allowed for an actor who may take it', () => {
    const result = bulkStepFor(reported, 'open', coordinator, at);
    expect(result.ok && result.state.status).toBe('open');
    expect(result.ok && result.state.assignees).toContain(coordinator.userId);
    expect(result.ok && result.commands.map(commandKindOf)).toEqual(['createTask']);
  });

  it('is refused with the reason when the role may not take it', () => {
    expect(bulkStepFor(reported, 'open', actorFor('teacher'), at)).toMatchObject({ ok: false, reason: 'role-not-allowed' });
  });

  it('is refused for a case outside the actor’s scope', () => {
    const elsewhere = actorFor('cohortCoordinator', { scope: { ...coordinator.scope, departments: ['okonomi'], cohorts: ['OKAD-2024H'] } });
    expect(bulkStepFor(reported, 'open', elsewhere, at)).toMatchObject({ ok: false, reason: 'out-of-scope' });
  });

  it('is refused when the case is not in a status the step leaves from', () => {
    expect(bulkStepFor(reported, 'recordNoShow', coordinator, at)).toMatchObject({ ok: false, reason: 'illegal-transition' });
  });

  it('is refused when the step’s condition does not hold', () => {
    const withoutConsent = { ...(approvalStart(false) as Case), status: 'processing' };
    expect(bulkStepFor(withoutConsent, 'orderResultFetch', actorFor('caseOfficer'), at)).toEqual({
      ok: false,
      reason: 'precondition-failed',
      message: 'The student has not answered the result-exchange consent',
    });
  });

  it('is refused for a step that needs the case’s own page, and for a step of another workflow', () => {
    const signed = { ...reported, status: 'signedByStudent' };
    expect(bulkStepFor(signed, 'signAsCoordinator', coordinator, at)).toMatchObject({ ok: false, reason: 'not-in-bulk' });
    expect(bulkStepFor(reported, 'startProcessing', coordinator, at)).toMatchObject({ ok: false, reason: 'not-in-bulk' });
  });
});
