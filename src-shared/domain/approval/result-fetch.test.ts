import { describe, expect, it } from 'vitest';
import type { ExternalResult } from './approval.schema';
import { acceptedResults, fetchesToAccept, sourcesDue, type ResultFetch } from './result-fetch';
import { externalCourse } from '../../../dev/testing/external-result';

const at = (day: number) => `2026-09-0${day}T08:00:00.000Z`;
const course = (code: string, grade: string) => externalCourse(code, grade);
const fetch = (id: string, results: ExternalResult[], answers: ResultFetch['answers'] = []): ResultFetch => ({
  id,
  orderedAt: at(1),
  orderedBy: 'caseOfficer-1',
  startedAt: at(1),
  sources: [],
  answers,
  results,
  completedAt: at(1),
});

describe('result fetches', () => {
  it('merge the accepted fetches’ results in the order they were accepted', () => {
    const fetches = [fetch('f1', [course('A-1', 'C'), course('B-1', 'B')]), fetch('f2', [course('A-1', 'A')])];
    const accept = (fetchId: string, day: number) => ({ fetchId, acceptedAt: at(day), acceptedBy: 'caseOfficer-1' });
    expect(acceptedResults(fetches, []).map((r) => r.code)).toEqual([]);
    expect(acceptedResults(fetches, [accept('f1', 2), accept('f2', 3)]).map((r) => `${r.code}:${r.grade}`)).toEqual(['A-1:A', 'B-1:B']);
    expect(fetchesToAccept(fetches, [accept('f1', 2)]).map((f) => f.id)).toEqual(['f2']);
  });

  it('wait for acceptance again when a source down answers after the acceptance', () => {
    const answered = fetch('f1', [], [{ code: '214', name: 'HiNT', outcome: 'noResults', resultCount: 0, answeredAt: at(3) }]);
    expect(fetchesToAccept([answered], [{ fetchId: 'f1', acceptedAt: at(2), acceptedBy: 'caseOfficer-1' }])).toHaveLength(1);
    expect(fetchesToAccept([{ ...answered, completedAt: undefined }], [])).toHaveLength(0);
  });

  it('name the sources due to be asked again on a day', () => {
    const down = fetch(
      'f1',
      [],
      [
        { code: '214', name: 'HiNT', outcome: 'sourceUnavailable', resultCount: 0, answeredAt: at(1), retryOn: '2026-09-02' },
        { code: '216', name: 'HiSF', outcome: 'noResults', resultCount: 0, answeredAt: at(1) },
      ],
    );
    expect(sourcesDue([down], '2026-09-01')).toEqual([]);
    expect(sourcesDue([down], '2026-09-02')).toEqual([{ fetchId: 'f1', sources: [{ code: '214', name: 'HiNT' }] }]);
  });
});
