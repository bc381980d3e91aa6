import { describe, expect, it } from 'vitest';
import { actorFor, after, nominationEvents, nominationStart, rankedNotReached, walk } from '../../../dev/testing/fixtures';
import { rankingSeedExample } from '../../../dev/testing/ranking-examples';
import type { AdmissionSetup } from './nomination.schema';
import { nominationWorkflow, transition, type NominationCase } from './nomination.workflow';
import { rankApplications } from './ranking';
import { recordRanking } from './ranking-record';
import type { RankingInput } from './ranking.schema';

const officer = actorFor('caseOfficer');
const applicant = actorFor('applicant');
const nominator = actorFor('nominator');
type Setup = Parameters<typeof nominationStart>[0];
const submitted = (setup: Setup) => walk(nominationWorkflow, nominationStart(setup), [['applicant', nominationEvents.submitApplication]]).at(-1)!;

function taken(result: ReturnType<typeof transition>): NominationCase {
  if (!result.ok) throw new Error(`${result.reason}: ${result.message}`);
  return result.state;
}

describe('nomination workflow', () => {
  it('grants study right at once in that pro forma mode and tells applicant and nominator', () => {
    const result = transition(submitted('studyRightAtOnce'), nominationEvents.grantStudyRight(submitted('studyRightAtOnce')), officer);
    expect(result.ok && result.state.status).toBe('admitted');
    expect(result.ok && result.commands).toEqual([
      expect.objectContaining({ type: 'callIntegration', system: 'fs', operation: 'studyRight.grant' }),
      expect.objectContaining({ type: 'notify', to: { kind: 'person', personId: 'person-1' }, copyTo: [{ kind: 'role', role: 'nominator' }] }),
      // Admitted is where the case ends: its folder in the archive is closed.
      { type: 'closeCaseFolder', caseId: result.ok ? result.state.id : '' },
    ]);
  });

  it('requires a review before any way on in a screening round for all applications', () => {
    const state = submitted('screening');
    for (const event of [nominationEvents.grantStudyRight, nominationEvents.makeOffer, nominationEvents.qualify]) {
      expect(transition(state, event(state), officer)).toMatchObject({
        ok: false,
        reason: 'precondition-failed',
        message: 'The application must be screened first',
      });
    }
    const reviewed = taken(transition(state, nominationEvents.startReview(state), officer));
    expect(transition(reviewed, nominationEvents.qualify(reviewed), officer)).toMatchObject({ ok: true, state: { status: 'qualified' } });
  });

  it('records who withdrew', () => {
    const state = submitted('directOffer');
    const byNominator = transition(state, nominationEvents.withdraw(state), nominator);
    expect(byNominator.ok && byNominator.state.details.outcome).toMatchObject({ result: 'withdrawn', withdrawnBy: 'nominator' });
    const byApplicant = transition(state, nominationEvents.withdraw(state), applicant);
    expect(byApplicant.ok && byApplicant.state.details.outcome).toMatchObject({ result: 'withdrawn', withdrawnBy: 'applicant' });
  });

  it('keeps other partners’ nominators and other applicants out', () => {
    const state = submitted('directOffer');
    const otherPartner = actorFor('nominator', { scope: { ...nominator.scope, partners: ['partner-valmont'] } });
    expect(transition(state, nominationEvents.withdraw(state), otherPartner)).toMatchObject({ ok: false, reason: 'out-of-scope' });
    const otherApplicant = actorFor('applicant', { userId: 'person-2' });
    expect(transition(state, nominationEvents.withdraw(state), otherApplicant)).toMatchObject({ ok: false, reason: 'out-of-scope' });
  });

  it('records the personal data the applicant saves before submitting, and only the applicant saves it', () => {
    const start = nominationStart('directOffer');
    const event = nominationEvents.savePersonalData(start);
    const saved = taken(transition(start, event, applicant));
    expect(saved.status).toBe('nominated');
    expect(saved.details.personalData).toEqual({ ...event.personal, savedAt: event.at });
    expect(transition(start, event, nominator)).toMatchObject({ ok: false, reason: 'role-not-allowed' });
    const state = submitted('directOffer');
    expect(transition(state, nominationEvents.savePersonalData(state), applicant)).toMatchObject({ ok: false, reason: 'illegal-transition' });
  });

  it('refuses an answer deadline before the offer', () => {
    const state = submitted('directOffer');
    expect(transition(state, { ...nominationEvents.makeOffer(state), answerBy: '2026-01-01' }, officer)).toMatchObject({
      ok: false,
      reason: 'precondition-failed',
    });
  });
});

describe('the pro forma modes (seed 002)', () => {
  it('study right at once: no offer and no ranking', () => {
    const state = submitted('studyRightAtOnce');
    expect(transition(state, nominationEvents.makeOffer(state), officer)).toMatchObject({
      ok: false,
      message: 'The admission grants study right at once',
    });
    expect(transition(state, nominationEvents.qualify(state), officer)).toMatchObject({ ok: false, reason: 'precondition-failed' });
    expect(taken(transition(state, nominationEvents.grantStudyRight(state), officer)).details.outcome).toMatchObject({ result: 'admitted' });
  });

  it('direct offer: the first choice is offered at once, to accept or decline', () => {
    const state = submitted('directOffer');
    expect(transition(state, nominationEvents.grantStudyRight(state), officer)).toMatchObject({
      ok: false,
      message: 'The admission makes a direct offer',
    });
    const offered = taken(transition(state, nominationEvents.makeOffer(state), officer));
    expect(offered.details.offerMade?.offer).toEqual({ code: 'UTV-HEL-27V', name: 'Utveksling helse' });
    expect(taken(transition(offered, nominationEvents.acceptOffer(offered), applicant)).status).toBe('admitted');
  });

  it('ranked: qualified at once, then offered only as the recorded ranking says', () => {
    const state = submitted('ranked');
    expect(transition(state, nominationEvents.makeOffer(state), officer)).toMatchObject({
      ok: false,
      message: 'The admission ranks its applications: qualify and rank them first',
    });
    const qualified = taken(transition(state, nominationEvents.qualify(state), officer));
    // Not ranked yet: neither an offer nor "not reached".
    expect(transition(qualified, nominationEvents.makeOffer(qualified), officer)).toMatchObject({
      ok: false,
      message: 'The application has not been ranked yet',
    });
    expect(transition(qualified, nominationEvents.markNotReached(qualified), officer)).toMatchObject({ ok: false, reason: 'precondition-failed' });

    const within = taken(transition(qualified, nominationEvents.rank(qualified), officer));
    expect(within.details.ranking).toMatchObject({
      run: { id: 'ranking-run-1' },
      positions: [{ offer: 'UTV-HEL-27V', priority: 1, position: 2 }],
      offered: 'UTV-HEL-27V',
    });
    expect(transition(within, nominationEvents.markNotReached(within), officer)).toMatchObject({ ok: false, message: 'The ranking offers UTV-HEL-27V' });
    expect(taken(transition(within, nominationEvents.makeOffer(within), officer)).status).toBe('offered');
  });

  it('refuses an offer when the recorded result says not reached, and ends the case as not reached', () => {
    const qualified = walk(nominationWorkflow, submitted('ranked'), [['caseOfficer', nominationEvents.qualify]]).at(-1)!;
    const outside = taken(transition(qualified, rankedNotReached(qualified), officer));
    expect(outside.details.ranking?.offered).toBeNull();
    expect(outside.details.ranking?.reasons).toContainEqual({
      kind: 'notReached',
      offer: 'UTV-HEL-27V',
      priority: 1,
      position: 2,
      capacity: 1,
      lastOfferedPosition: 1,
    });
    expect(transition(outside, nominationEvents.makeOffer(outside), officer)).toMatchObject({
      ok: false,
      reason: 'precondition-failed',
      message: 'The ranking gives the application no offer: it is not reached at any choice',
    });
    const notReached = taken(transition(outside, nominationEvents.markNotReached(outside), officer));
    expect(notReached).toMatchObject({ status: 'notOffered', details: { outcome: { result: 'notOffered' } } });
  });

  it('screens a deviation case whose required documentation is not approved, then follows the mode', () => {
    const setup: AdmissionSetup = { proFormaMode: 'directOffer', screening: 'deviationsOnly', requiredItems: ['homeResults', 'proofOfFunding'] };
    const start = nominationStart('directOffer');
    const state = walk(nominationWorkflow, { ...start, details: { ...start.details, admission: setup } }, [
      ['applicant', nominationEvents.submitApplication],
    ]).at(-1)!;
    expect(transition(state, nominationEvents.makeOffer(state), officer)).toMatchObject({
      ok: false,
      message: 'The application must be screened first (not approved: homeResults, proofOfFunding)',
    });
    // With the documentation approved the data is good enough: the direct offer needs no screening.
    const approved = {
      ...state,
      details: {
        ...state.details,
        qualification: { requestedAt: after(0), items: setup.requiredItems.map((kind) => ({ kind, status: 'approved' as const })) },
      },
    };
    expect(transition(approved, nominationEvents.makeOffer(approved), officer)).toMatchObject({ ok: true, state: { status: 'offered' } });
    const reviewed = taken(transition(state, nominationEvents.startReview(state), officer));
    expect(transition(reviewed, nominationEvents.makeOffer(reviewed), officer)).toMatchObject({ ok: true, state: { status: 'offered' } });
  });

  it('refuses a ranking recorded for other choices than the application’s', () => {
    const qualified = walk(nominationWorkflow, submitted('ranked'), [['caseOfficer', nominationEvents.qualify]]).at(-1)!;
    const event = nominationEvents.rank(qualified);
    const other = { ...event, ranking: { ...event.ranking, positions: [{ offer: 'UTV-OKO-27V', priority: 1, position: 1 }], offered: 'UTV-OKO-27V' } };
    expect(transition(qualified, other, officer)).toMatchObject({
      ok: false,
      message: 'The ranking is for the choices UTV-OKO-27V, the application has UTV-HEL-27V',
    });
  });
});

/**
 * A ranked pro forma admission run through the workflow: one case per application of the ranking
 * input, submitted with its choices and qualified; one ranking run over them all, recorded on each
 * case; then each case is offered or marked not reached as its recorded result says.
 */
function runAdmission(input: RankingInput): Map<string, NominationCase> {
  const qualified = input.applications.map((application) => {
    const start = nominationStart('ranked');
    const choices = application.choices.map((code) => ({ code, name: `Tilbud ${code}` }));
    const nominated = { ...start, id: application.id, details: { ...start.details, offer: { ...start.details.offer, code: application.choices[0]! } } };
    return walk(nominationWorkflow, nominated, [
      ['applicant', (c) => ({ ...nominationEvents.submitApplication(c), choices })],
      ['caseOfficer', nominationEvents.qualify],
    ]).at(-1)!;
  });
  const result = rankApplications(input);
  if (!result.ok) throw new Error(result.error);
  const run = { id: 'run-2027V', at: after(10) };
  const decided = qualified.map((c) => {
    const ranked = taken(
      transition(
        c,
        {
          type: 'rank',
          at: after(10),
          ranking: recordRanking(
            result.applications.find((a) => a.id === c.id)!,
            run,
          ),
        },
        officer,
      ),
    );
    // The other way on is refused: an offer where the result gives none, "not reached" where it gives one.
    const [next, refused] = ranked.details.ranking!.offered
      ? [nominationEvents.makeOffer, nominationEvents.markNotReached]
      : [nominationEvents.markNotReached, nominationEvents.makeOffer];
    expect(transition(ranked, refused(ranked), officer)).toMatchObject({ ok: false, reason: 'precondition-failed' });
    return taken(transition(ranked, next(ranked), officer));
  });
  return new Map(decided.map((c) => [c.id, c]));
}

const outcomes = (cases: Map<string, NominationCase>) => [...cases.values()].map((c) => [c.id, c.status, c.details.offerMade?.offer.code ?? null]);

describe('a ranked admission through the workflow', () => {
  it('the seed example: offers within the places as the ranking gives them, the others not reached', () => {
    const cases = runAdmission(rankingSeedExample);
    expect(outcomes(cases)).toEqual([
      ['ana', 'notOffered', null],
      ['bruno', 'offered', 'EXCH-ENG'],
      ['carla', 'offered', 'BIP-ARCTIC'],
      ['duarte', 'notOffered', null],
      ['eva', 'offered', 'EXCH-ENG'],
    ]);
    // carla is third at EXCH-ENG (2 places), but the case records the offer her ranking gave: her first choice.
    expect(cases.get('carla')!.details.ranking).toMatchObject({
      run: { id: 'run-2027V' },
      positions: [
        { offer: 'BIP-ARCTIC', priority: 1, position: 1 },
        { offer: 'EXCH-ENG', priority: 2, position: 3 },
      ],
      offered: 'BIP-ARCTIC',
    });
  });

  it('offers the second-ranked applicant a one-place offer when the first took a better choice', () => {
    const offer = (code: string) => ({ code, agreementId: 'a', capacity: 1, requirements: { isced: [], eqf: [] } });
    const application = (id: string, choices: string[], gradeAverage: number) => ({ id, submittedAt: after(1), choices, gradeAverage });
    const cases = runAdmission({
      config: { criteria: [{ kind: 'gradeAverage', weight: 1 }] },
      agreements: [{ id: 'a', places: 2 }],
      offers: [offer('FIRST'), offer('SECOND')],
      applications: [
        application('top', ['FIRST', 'SECOND'], 95),
        application('middle', ['FIRST', 'SECOND'], 80),
        application('bottom', ['SECOND', 'FIRST'], 70),
      ],
    });
    expect(outcomes(cases)).toEqual([
      ['top', 'offered', 'FIRST'],
      ['middle', 'offered', 'SECOND'],
      ['bottom', 'notOffered', null],
    ]);
    expect(cases.get('middle')!.details.ranking!.positions).toEqual([
      { offer: 'FIRST', priority: 1, position: 2 },
      { offer: 'SECOND', priority: 2, position: 2 },
    ]);
    expect(cases.get('middle')!.details.offerMade!.offer).toEqual({ code: 'SECOND', name: 'Tilbud SECOND' });
  });
});
