import type { z } from 'zod';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { rankingSeedExample } from '../../../dev/testing/ranking-examples';
import { rankApplications, type RankedApplication } from './ranking';
import type { RankDecision } from './ranking-order';
import type { RankingReason } from './ranking-reasons';
import { type rankDecisionSchema, type rankingReasonSchema, recordedRankingSchema, recordRanking } from './ranking-record';

const run = { id: 'run-1', at: '2027-03-10T10:00:00Z' };

describe('the recorded ranking', () => {
  it('describes exactly the ranking’s reasons and decisions', () => {
    expectTypeOf<z.infer<typeof rankingReasonSchema>>().toEqualTypeOf<RankingReason>();
    expectTypeOf<z.infer<typeof rankDecisionSchema>>().toEqualTypeOf<RankDecision>();
    expectTypeOf<Omit<z.infer<typeof recordedRankingSchema>, 'run'>>().toEqualTypeOf<Omit<RankedApplication, 'id'>>();
  });

  it('holds every application’s result of the seed example as the ranking gave it', () => {
    const result = rankApplications(rankingSeedExample);
    if (!result.ok) throw new Error(result.error);
    for (const application of result.applications) {
      const record = recordRanking(application, run);
      expect(recordedRankingSchema.parse(record)).toEqual({
        run,
        positions: application.positions,
        offered: application.offered,
        reasons: application.reasons,
      });
    }
  });

  it('refuses an offer that is not one of the ranked choices, and a reason it does not know', () => {
    const record = { run, positions: [{ offer: 'A', priority: 1, position: 1 }], offered: 'B', reasons: [] };
    expect(recordedRankingSchema.safeParse(record).error?.issues[0]).toMatchObject({
      path: ['offered'],
      message: 'The offered offer must be one of the ranked choices',
    });
    expect(recordedRankingSchema.safeParse({ ...record, offered: 'A', reasons: [{ kind: 'lottery', offer: 'A', priority: 1 }] }).success).toBe(false);
  });
});
