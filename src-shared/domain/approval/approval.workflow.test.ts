import { describe, expect, it } from 'vitest';
import { appealDeadline } from '../appeal/appeal-deadline';
import { dateOf } from '../calendar/iso-date';
import { actorFor, approvalEvents, approvalStart, walk } from '../../../dev/testing/fixtures';
import { approvalWorkflow, transition } from './approval.workflow';

const officer = actorFor('caseOfficer');

describe('approval workflow', () => {
  it('will not fetch results without the student’s consent', () => {
    const processing = walk(approvalWorkflow, approvalStart(false), [['caseOfficer', approvalEvents.startProcessing]]).at(-1)!;
    expect(transition(processing, approvalEvents.orderResultFetch(processing), officer)).toMatchObject({
      ok: false,
      reason: 'precondition-failed',
      message: 'The student has not consented to result exchange',
    });
    const refused = walk(approvalWorkflow, processing, [
      ['caseOfficer', approvalEvents.requestConsent],
      ['student', (c) => ({ ...approvalEvents.recordConsent(c), given: false })],
    ]).at(-1)!;
    expect(refused.details.consent).toMatchObject({ given: false, source: 'studentweb' });
    expect(transition(refused, approvalEvents.orderResultFetch(refused), officer)).toMatchObject({ ok: false, reason: 'precondition-failed' });
  });

  it('imports fetched results, logs every institution’s outcome and retries an unavailable source the next day', () => {
    const fetching = walk(approvalWorkflow, approvalStart(), [
      ['caseOfficer', approvalEvents.startProcessing],
      ['caseOfficer', approvalEvents.orderResultFetch],
    ]).at(-1)!;
    const result = transition(fetching, approvalEvents.recordFetchResult(fetching), officer);
    if (!result.ok) throw new Error(result.message);
    const fetch = result.state.details.fetches.at(-1)!;
    const nextDay = dateOf(new Date(Date.parse(fetch.completedAt!) + 86_400_000));
    expect(fetch.institutions).toEqual([
      { code: '216', name: 'HiSF', outcome: 'imported', resultCount: 1 },
      { code: '214', name: 'HiNT', outcome: 'sourceUnavailable', resultCount: 0, retryOn: nextDay },
    ]);
    expect(result.state.details.externalResults.map((r) => r.code)).toEqual(['RES-100']);
    expect(result.commands).toEqual([{ type: 'callIntegration', caseId: fetching.id, system: 'fs', operation: 'results.fetch', notBefore: nextDay }]);
  });

  it('replaces a result fetched again (a later fetch shows what changed) and keeps the others', () => {
    const first = walk(approvalWorkflow, approvalStart(), [
      ['caseOfficer', approvalEvents.startProcessing],
      ['caseOfficer', approvalEvents.orderResultFetch],
      ['caseOfficer', approvalEvents.recordFetchResult],
      ['caseOfficer', approvalEvents.orderResultFetch],
    ]).at(-1)!;
    const improved = approvalEvents.recordFetchResult(first);
    improved.results = [
      { ...improved.results[0]!, grade: 'A' },
      { ...improved.results[0]!, code: 'RES-200' },
    ];
    const result = transition(first, improved, officer);
    expect(result.ok && result.state.details.externalResults.map((r) => `${r.code}:${r.grade}`)).toEqual(['RES-100:A', 'RES-200:B']);
    expect(result.ok && result.state.details.fetches).toHaveLength(2);
  });

  it('sends the decision with the appeal deadline and closes only after it', () => {
    const decided = walk(approvalWorkflow, approvalStart(), [
      ['caseOfficer', approvalEvents.startProcessing],
      ['caseOfficer', approvalEvents.decide],
    ]).at(-1)!;
    const delivery = decided.details.decisionDelivery!;
    expect(delivery.appealDeadline).toBe(appealDeadline(delivery.receivedOn));
    expect(decided.nextDeadline).toBe(delivery.appealDeadline);
    expect(transition(decided, { type: 'close', at: decided.updatedAt.replace(/T.*/, 'T23:00:00.000Z') }, officer)).toMatchObject({
      ok: false,
      reason: 'precondition-failed',
    });
    expect(transition(decided, approvalEvents.close(decided), officer).ok).toBe(true);
  });
});
