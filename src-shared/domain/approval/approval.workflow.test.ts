import { describe, expect, it } from 'vitest';
import { appealDeadline } from '../appeal/appeal-deadline';
import { dateOf } from '../calendar/iso-date';
import { checkCaseChange } from '../case/case-change';
import type { Case } from '../case/case.schema';
import { systemActor } from '../workflow/workflow';
import { actorFor, approvalEvents, approvalStart, happyPaths, walk } from '../../../dev/testing';
import { approvalWorkflow, transition, type ApprovalCase, type ApprovalEvent } from './approval.workflow';
import { resultDiff } from './result-diff';

const officer = actorFor('caseOfficer');
const ok = (state: ApprovalCase, event: ApprovalEvent, actor = officer) => {
  const result = transition(state, event, actor);
  if (!result.ok) throw new Error(`${event.type}: ${result.message}`);
  return result;
};
const nextDay = (at: string) => dateOf(new Date(Date.parse(at) + 86_400_000));

/** The main path up to the step named (exclusive), from a case registered with the student's yes. */
function upTo(event: ApprovalEvent['type']): ApprovalCase {
  const path = happyPaths.approval.slice(2).filter((step) => typeof step !== 'function');
  const end = path.findIndex((step) => step[1] === approvalEvents[event]);
  return walk(approvalWorkflow, approvalStart(), [['caseOfficer', approvalEvents.startProcessing], ...path.slice(1, end)]).at(-1)!;
}

describe('approval workflow: consent', () => {
  it('will not order a fetch without a yes, and says whether the answer is missing or no', () => {
    const processing = walk(approvalWorkflow, approvalStart(false), [['caseOfficer', approvalEvents.startProcessing]]).at(-1)!;
    expect(transition(processing, approvalEvents.orderResultFetch(processing), officer)).toEqual({
      ok: false,
      reason: 'precondition-failed',
      message: 'The student has not answered the result-exchange consent',
    });
    const refused = walk(approvalWorkflow, processing, [
      ['caseOfficer', approvalEvents.requestConsent],
      ['student', (c) => ({ ...approvalEvents.recordConsent(c), answer: 'N' as const })],
    ]).at(-1)!;
    expect(refused.details.consent).toEqual({
      type: 'RESUTVEKSL',
      answeredOn: dateOf(refused.updatedAt),
      answer: 'N',
      recordedAt: refused.updatedAt,
      recordedBy: actorFor('student').userId,
      source: 'studentweb',
    });
    expect(transition(refused, approvalEvents.orderResultFetch(refused), officer)).toMatchObject({
      ok: false,
      message: 'The student has refused result exchange',
    });
    expect(approvalWorkflow.allowedEvents(refused, officer)).not.toContain('orderResultFetch');
  });

  it('records a consent the case officer enters from FS with the date the student answered', () => {
    const waiting = walk(approvalWorkflow, approvalStart(false), [
      ['caseOfficer', approvalEvents.startProcessing],
      ['caseOfficer', approvalEvents.requestConsent],
    ]).at(-1)!;
    const { state } = ok(waiting, { ...approvalEvents.recordConsent(waiting), answeredOn: '2026-08-20' });
    expect(state.details.consent).toMatchObject({ answer: 'J', answeredOn: '2026-08-20', source: 'caseOfficer', recordedBy: officer.userId });
    expect(transition(state, approvalEvents.requestConsent(state), officer)).toMatchObject({ ok: false, reason: 'precondition-failed' });
  });
});

describe('approval workflow: the fetch the server runs', () => {
  it('is ordered by the case officer as a server job', () => {
    const processing = upTo('orderResultFetch');
    const { state, commands } = ok(processing, approvalEvents.orderResultFetch(processing));
    expect(state.status).toBe('fetchingResults');
    expect(state.details.fetches).toEqual([{ id: 'fetch-1', orderedAt: state.updatedAt, orderedBy: officer.userId, sources: [], answers: [], results: [] }]);
    expect(commands).toEqual([{ type: 'callIntegration', caseId: processing.id, system: 'fs', operation: 'results.fetch' }]);
  });

  it('takes its steps from the server only, and the server no one else’s', () => {
    const ordered = upTo('startFetch');
    for (const role of ['caseOfficer', 'departmentHead', 'student'] as const) {
      expect(transition(ordered, approvalEvents.startFetch(ordered), actorFor(role))).toEqual({
        ok: false,
        reason: 'role-not-allowed',
        message: 'Only the server does "startFetch"',
      });
    }
    expect(approvalWorkflow.allowedEvents(ordered, officer)).toEqual(['withdraw']);
    const started = ok(ordered, approvalEvents.startFetch(ordered), systemActor).state;
    expect(started.updatedBy).toBe('system');
    expect(transition(started, { type: 'withdraw', at: started.updatedAt, reason: 'x' }, systemActor)).toMatchObject({
      ok: false,
      reason: 'role-not-allowed',
      message: 'The server does not do "withdraw"',
    });
  });

  it('writes each institution’s answer as it arrives and completes when all have answered', () => {
    const ordered = upTo('startFetch');
    const started = ok(ordered, approvalEvents.startFetch(ordered), systemActor).state;
    expect(started.details.fetches[0]).toMatchObject({
      startedAt: started.updatedAt,
      sources: [
        { code: '216', name: 'HiSF' },
        { code: '214', name: 'HiNT' },
      ],
    });
    const at = approvalEvents.recordSourceAnswers(started).at;
    const first = ok(
      started,
      {
        type: 'recordSourceAnswers',
        at,
        fetchId: 'fetch-1',
        answers: [{ code: '216', outcome: 'imported' }],
        results: approvalEvents.recordSourceAnswers(started).results,
      },
      systemActor,
    );
    expect(first.state.status).toBe('fetchingResults');
    expect(first.state.details.fetches[0]!.answers).toEqual([{ code: '216', name: 'HiSF', outcome: 'imported', resultCount: 1, answeredAt: at }]);
    expect(first.commands).toEqual([]);
    expect(transition(first.state, approvalEvents.completeFetch(first.state), systemActor)).toMatchObject({
      ok: false,
      message: 'Not every institution has answered fetch fetch-1',
    });

    const down = ok(
      first.state,
      {
        type: 'recordSourceAnswers',
        at,
        fetchId: 'fetch-1',
        answers: [{ code: '214', outcome: 'sourceUnavailable', detail: 'Connection refused' }],
        results: [],
      },
      systemActor,
    );
    expect(down.state.details.fetches[0]!.answers[1]).toEqual({
      code: '214',
      name: 'HiNT',
      outcome: 'sourceUnavailable',
      resultCount: 0,
      answeredAt: at,
      detail: 'Connection refused',
      retryOn: nextDay(at),
    });
    // The source down is asked again the next day, at the time of day of the fetch.
    expect(down.commands).toEqual([{ type: 'callIntegration', caseId: ordered.id, system: 'fs', operation: 'results.fetch', notBefore: nextDay(at) }]);

    const done = ok(down.state, approvalEvents.completeFetch(down.state), systemActor).state;
    expect(done.status).toBe('processing');
    expect(done.details.fetches[0]!.completedAt).toBe(done.updatedAt);
    // Fetched, not accepted: the case's results are unchanged.
    expect(done.details.externalResults).toEqual([]);
  });

  it('refuses answers the fetch did not ask for, answered twice, or results without an imported answer', () => {
    const started = upTo('recordSourceAnswers');
    const base = approvalEvents.recordSourceAnswers(started);
    const refusals = [
      [{ ...base, answers: [{ code: '999', outcome: 'noResults' }], results: [] }, 'Institution 999 is not asked in fetch fetch-1'],
      [{ ...base, answers: [...base.answers, { code: '216', outcome: 'noResults' }] }, 'Institution 216 answers twice'],
      [{ ...base, answers: [{ code: '216', outcome: 'noResults' }] }, 'Institution 216 answered "noResults" but brought results'],
      [{ ...base, answers: [{ code: '214', outcome: 'imported' }] }, "A result from 216 comes without its institution's answer"],
      [{ ...base, fetchId: 'fetch-9' }, 'The case has no fetch fetch-9'],
    ] as const;
    for (const [event, message] of refusals) expect(transition(started, event as ApprovalEvent, systemActor)).toMatchObject({ ok: false, message });
    const answered = ok(started, base, systemActor).state;
    expect(transition(answered, { ...base, answers: [{ code: '216', outcome: 'noResults' }], results: [] }, systemActor)).toMatchObject({
      ok: false,
      message: 'Institution 216 has already answered fetch fetch-1',
    });
  });

  it('replaces a source’s “down” with its answer the next day, in the same fetch, after the fetch completed', () => {
    const completed = upTo('acceptFetchedResults');
    const retry = approvalEvents.recordSourceAnswers(completed);
    const { state, commands } = ok(completed, retry, systemActor);
    expect(state.status).toBe('processing');
    const fetch = state.details.fetches[0]!;
    expect(fetch.answers.map((a) => `${a.code}:${a.outcome}`)).toEqual(['216:imported', '214:imported']);
    expect(fetch.answers[1]).not.toHaveProperty('retryOn');
    expect(fetch.results.map((r) => r.code)).toEqual(['RES-100', 'RES-OAL']);
    expect(commands).toEqual([]);
  });
});

describe('approval workflow: nothing is overwritten silently', () => {
  it('changes the accepted results only when the case officer accepts a fetch, and keeps every fetch', () => {
    const completed = upTo('acceptFetchedResults');
    const accepted = ok(completed, approvalEvents.acceptFetchedResults(completed)).state;
    expect(accepted.details.externalResults.map((r) => `${r.code}:${r.grade}`)).toEqual(['RES-100:B']);
    expect(accepted.details.acceptedFetches).toEqual([{ fetchId: 'fetch-1', acceptedAt: accepted.updatedAt, acceptedBy: officer.userId }]);
    expect(transition(accepted, approvalEvents.acceptFetchedResults(accepted), officer)).toMatchObject({ ok: false, reason: 'precondition-failed' });

    // A second fetch: the grade of RES-100 improved and a degree came.
    const second = walk(approvalWorkflow, accepted, [
      ['caseOfficer', approvalEvents.orderResultFetch],
      ['system', approvalEvents.startFetch],
      [
        'system',
        (c) => {
          const event = approvalEvents.recordSourceAnswers(c);
          const course = event.results[0]!;
          const degree = { ...course, category: 'qualification' as const, code: 'BA-RES', credits: 180, grade: 'Bestått' };
          return {
            ...event,
            answers: [...event.answers.slice(0, 1), { code: '214', outcome: 'noResults' as const }],
            results: [{ ...course, grade: 'A' }, degree],
          };
        },
      ],
      ['system', approvalEvents.completeFetch],
    ]).at(-1)!;
    expect(second.details.externalResults.map((r) => `${r.code}:${r.grade}`)).toEqual(['RES-100:B']);
    const diff = resultDiff(second.details.externalResults, second.details.fetches[1]!.results);
    expect(diff.improvedGrades.map((c) => `${c.before.grade}→${c.after.grade}`)).toEqual(['B→A']);
    expect(diff.newQualifications.map((r) => r.code)).toEqual(['BA-RES']);

    const taken = ok(second, approvalEvents.acceptFetchedResults(second)).state;
    expect(taken.details.externalResults.map((r) => `${r.code}:${r.grade}`)).toEqual(['RES-100:A', 'BA-RES:Bestått']);
    expect(taken.details.fetches.map((f) => f.results.find((r) => r.code === 'RES-100')!.grade)).toEqual(['B', 'A']);
  });

  it('lets the server accept the step from a laptop, but not accepted results that are not the fetches’', () => {
    const completed = upTo('acceptFetchedResults') as Case & ApprovalCase;
    const accepted = ok(completed, approvalEvents.acceptFetchedResults(completed)).state as Case & ApprovalCase;
    expect(checkCaseChange({ before: completed, after: accepted, actor: officer })).toEqual({ ok: true });
    const forged = { ...accepted, details: { ...accepted.details, externalResults: [{ ...accepted.details.externalResults[0]!, grade: 'A' }] } };
    expect(checkCaseChange({ before: completed, after: forged, actor: officer })).toEqual({
      ok: false,
      reason: 'precondition-failed',
      message: 'The accepted results must be those of the accepted fetches',
    });
    const fetchesForged = {
      ...completed,
      updatedBy: officer.userId,
      details: { ...completed.details, fetches: [{ ...completed.details.fetches[0]!, results: [] }] },
    };
    expect(checkCaseChange({ before: completed, after: fetchesForged, actor: officer })).toMatchObject({
      ok: false,
      reason: 'role-not-allowed',
      message: 'Only the server does "recordSourceAnswers"; it cannot come from a laptop',
    });
  });
});

describe('approval workflow: the decision', () => {
  it('decides per course, derives the outcome and credits, and closes only after the appeal period', () => {
    const accepted = upTo('decide');
    const withTwo = {
      ...accepted,
      details: {
        ...accepted.details,
        externalResults: [...accepted.details.externalResults, { ...accepted.details.externalResults[0]!, code: 'RES-200', credits: 15 }],
      },
    };
    const [a, b] = withTwo.details.externalResults.map((r) => ({ institutionCode: r.institutionCode, code: r.code, term: r.term, grounds: 'Vurdert.' }));
    const { state } = ok(withTwo, {
      type: 'decide',
      at: approvalEvents.decide(withTwo).at,
      grounds: 'Universitets- og høyskoleloven § 3-5.',
      courses: [
        { ...a!, verdict: 'approved', credits: 10 },
        { ...b!, verdict: 'partlyApproved', credits: 5 },
      ],
    });
    expect(state.details.decision).toMatchObject({ outcome: 'partlyApproved', approvedCredits: 15 });
    const delivery = state.details.decisionDelivery!;
    expect(delivery.appealDeadline).toBe(appealDeadline(delivery.receivedOn));
    expect(state.nextDeadline).toBe(delivery.appealDeadline);
    expect(transition(state, { type: 'close', at: state.updatedAt.replace(/T.*/, 'T23:00:00.000Z') }, officer)).toMatchObject({
      ok: false,
      reason: 'precondition-failed',
    });
    expect(transition(state, approvalEvents.close(state), officer).ok).toBe(true);
  });

  it('refuses verdicts that do not fit the accepted courses', () => {
    const accepted = upTo('decide');
    const event = approvalEvents.decide(accepted);
    const course = event.courses[0]!;
    const refusals = [
      [{ ...course, code: 'RES-999' }, 'not among the accepted external results'],
      [{ ...course, credits: 5 }, '5 credits do not fit "approved" of a 10-credit course'],
      [{ ...course, verdict: 'partlyApproved', credits: 10 }, 'do not fit "partlyApproved"'],
      [{ ...course, verdict: 'rejected', credits: 1 }, 'do not fit "rejected"'],
    ] as const;
    for (const [verdict, message] of refusals) {
      expect(transition(accepted, { ...event, courses: [verdict] }, officer)).toMatchObject({ ok: false, message: expect.stringContaining(message) });
    }
    expect(transition(accepted, { ...event, courses: [course, course] }, officer)).toMatchObject({
      ok: false,
      message: expect.stringContaining('more than one verdict'),
    });
  });
});
