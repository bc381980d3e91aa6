import { describe, expect, it } from 'vitest';
import { actorFor, nominationEvents, nominationStart, walk } from '../../../dev/testing/fixtures';
import { nominationWorkflow, transition } from './nomination.workflow';

const officer = actorFor('caseOfficer');
const applicant = actorFor('applicant');
const nominator = actorFor('nominator');
const submitted = (kind: 'proForma' | 'screening') =>
  walk(nominationWorkflow, nominationStart(kind), [['applicant', nominationEvents.submitApplication]]).at(-1)!;

describe('nomination workflow', () => {
  it('grants study right at once in a pro forma admission and tells applicant and nominator', () => {
    const result = transition(submitted('proForma'), nominationEvents.grantStudyRight(submitted('proForma')), officer);
    expect(result.ok && result.state.status).toBe('admitted');
    expect(result.ok && result.commands).toEqual([
      expect.objectContaining({ type: 'callIntegration', system: 'fs', operation: 'studyRight.grant' }),
      expect.objectContaining({ type: 'notify', to: { kind: 'person', personId: 'person-1' }, copyTo: [{ kind: 'role', role: 'nominator' }] }),
      // Admitted is where the case ends: its folder in the archive is closed.
      { type: 'closeCaseFolder', caseId: result.ok ? result.state.id : '' },
    ]);
  });

  it('requires a review before granting study right in a screening admission', () => {
    const state = submitted('screening');
    expect(transition(state, nominationEvents.grantStudyRight(state), officer)).toMatchObject({ ok: false, reason: 'precondition-failed' });
  });

  it('offers a place only within capacity; below capacity the applicant is not reached', () => {
    const reviewed = walk(nominationWorkflow, submitted('screening'), [['caseOfficer', nominationEvents.startReview]]).at(-1)!;
    const outside = transition(reviewed, { ...nominationEvents.qualify(reviewed), position: 11, capacity: 10 }, officer);
    if (!outside.ok) throw new Error(outside.message);
    expect(transition(outside.state, nominationEvents.makeOffer(outside.state), officer)).toMatchObject({ ok: false, reason: 'precondition-failed' });
    const notReached = transition(outside.state, nominationEvents.markNotReached(outside.state), officer);
    expect(notReached.ok && notReached.state.details.outcome).toMatchObject({ result: 'notOffered' });
  });

  it('records who withdrew', () => {
    const state = submitted('proForma');
    const byNominator = transition(state, nominationEvents.withdraw(state), nominator);
    expect(byNominator.ok && byNominator.state.details.outcome).toMatchObject({ result: 'withdrawn', withdrawnBy: 'nominator' });
    const byApplicant = transition(state, nominationEvents.withdraw(state), applicant);
    expect(byApplicant.ok && byApplicant.state.details.outcome).toMatchObject({ result: 'withdrawn', withdrawnBy: 'applicant' });
  });

  it('keeps other partners’ nominators and other applicants out', () => {
    const state = submitted('proForma');
    const otherPartner = actorFor('nominator', { scope: { ...nominator.scope, partners: ['partner-valmont'] } });
    expect(transition(state, nominationEvents.withdraw(state), otherPartner)).toMatchObject({ ok: false, reason: 'out-of-scope' });
    const otherApplicant = actorFor('applicant', { userId: 'person-2' });
    expect(transition(state, nominationEvents.withdraw(state), otherApplicant)).toMatchObject({ ok: false, reason: 'out-of-scope' });
  });

  it('refuses an answer deadline before the offer', () => {
    const state = submitted('proForma');
    expect(transition(state, { ...nominationEvents.makeOffer(state), answerBy: '2026-01-01' }, officer)).toMatchObject({
      ok: false,
      reason: 'precondition-failed',
    });
  });
});
