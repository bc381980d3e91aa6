import { describe, expect, it } from 'vitest';
import { newFetch, type ResultFetch, type SourceAnswer } from '../../../src-shared/domain/approval/result-fetch';
import { fetchProgress } from './fetch-progress';

const at = '2026-12-07T09:00:00.000Z';
const answer = (code: string, outcome: SourceAnswer['outcome']): SourceAnswer => ({ code, name: `Inst ${code}`, outcome, resultCount: 0, answeredAt: at });
const sources = ['216', '214', '185', '194'].map((code) => ({ code, name: `Inst ${code}` }));

describe('fetchProgress', () => {
  it('waits for the server until it has started the fetch', () => {
    expect(fetchProgress(newFetch('fetch-1', at, 'u-1'))).toEqual({ answered: 0, asked: 0, byOutcome: [], state: 'waitingForServer' });
  });

  it('counts the answers so far out of the institutions asked, and the outcomes in their fixed order', () => {
    const fetch: ResultFetch = {
      ...newFetch('fetch-1', at, 'u-1'),
      startedAt: at,
      sources,
      answers: [answer('185', 'sourceUnavailable'), answer('214', 'noResults'), { ...answer('216', 'imported'), resultCount: 3 }],
    };
    expect(fetchProgress(fetch)).toEqual({
      answered: 3,
      asked: 4,
      byOutcome: [
        { outcome: 'imported', count: 1 },
        { outcome: 'noResults', count: 1 },
        { outcome: 'sourceUnavailable', count: 1 },
      ],
      state: 'running',
    });
  });

  it('is completed with N of N when every institution has answered', () => {
    const fetch: ResultFetch = {
      ...newFetch('fetch-1', at, 'u-1'),
      startedAt: at,
      completedAt: at,
      sources,
      answers: sources.map((s) => answer(s.code, 'noResults')),
    };
    expect(fetchProgress(fetch)).toMatchObject({ answered: 4, asked: 4, byOutcome: [{ outcome: 'noResults', count: 4 }], state: 'completed' });
  });
});
