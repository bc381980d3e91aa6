import { describe, expect, it } from 'vitest';
import { criterionValue, fieldMatch } from './ranking-criteria';
import { rankingConfigSchema, rankingCriterionSchema, type RankingOffer } from './ranking.schema';

describe('ranking criteria', () => {
  it('scores the ISCED field match by how much of the code the applicant shares with a required field', () => {
    expect(fieldMatch('0713', [])).toBe(1);
    expect(fieldMatch('0713', ['07'])).toBe(1);
    expect(fieldMatch('0713', ['0521', '0713'])).toBe(1);
    expect(fieldMatch('0714', ['0713'])).toBe(2 / 3);
    expect(fieldMatch('0732', ['0713'])).toBe(1 / 3);
    expect(fieldMatch('07', ['0713'])).toBe(1 / 3);
    expect(fieldMatch('0521', ['0713'])).toBe(0);
  });

  it('matches the EQF level against the offer, turns values around for prefer lower, and leaves missing values missing', () => {
    const offer: RankingOffer = { code: 'X', agreementId: 'a', capacity: 1, requirements: { isced: [], eqf: [7] } };
    const application = { id: 'p', submittedAt: '2027-03-01T10:00:00Z', choices: ['X'], eqf: 6, progress: 25 };
    const criterion = (kind: string, prefer = 'higher') => rankingCriterionSchema.parse({ kind, weight: 1, prefer });
    expect(criterionValue(criterion('levelMatch'), application, offer)).toBe(0);
    expect(criterionValue(criterion('levelMatch'), { ...application, eqf: 7 }, offer)).toBe(1);
    expect(criterionValue(criterion('progress'), application, offer)).toBe(0.25);
    expect(criterionValue(criterion('progress', 'lower'), application, offer)).toBe(0.75);
    expect(criterionValue(criterion('gradeAverage', 'lower'), application, offer)).toBeUndefined();
  });

  it('refuses a criterion listed twice and unknown criteria', () => {
    expect(
      rankingConfigSchema.safeParse({
        criteria: [
          { kind: 'gradeAverage', weight: 1 },
          { kind: 'gradeAverage', weight: 2 },
        ],
      }).success,
    ).toBe(false);
    expect(rankingConfigSchema.safeParse({ criteria: [{ kind: 'height', weight: 1 }] }).success).toBe(false);
    expect(rankingConfigSchema.parse({ criteria: [{ kind: 'gradeAverage', weight: 1 }] }).criteria[0]).toEqual({
      kind: 'gradeAverage',
      weight: 1,
      prefer: 'higher',
      whenMissing: 'rankAfter',
    });
  });
});
