import { describe, expect, it } from 'vitest';
import { actorFor, after, nominationEvents, nominationStart, walk } from '../../../dev/testing/fixtures';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { educationOfferSchema, nominationWorkflow, type EducationOffer } from '../../../src-shared/domain/nomination';
import type { OrgUnit } from '../../../src-shared/domain/organisation/org-unit.schema';
import { inRankOrder, rankAdmission } from './admission-ranking';
import { admissionsOf, nominationsOf } from './nomination-queue';

const officer = actorFor('caseOfficer');
const qualified = walk(nominationWorkflow, nominationStart('ranked'), [
  ['applicant', nominationEvents.submitApplication],
  ['caseOfficer', nominationEvents.qualify],
]).at(-1)!;
const submitted = walk(nominationWorkflow, nominationStart('ranked'), [['applicant', nominationEvents.submitApplication]]).at(-1)!;

/** Three qualified applications, submitted an hour apart (a, b, c), and one not yet qualified. */
const cases: Case[] = [
  ...['a', 'b', 'c'].map(
    (id, i) =>
      ({
        ...qualified,
        id,
        caseNumber: `2026/0000${i}`,
        details: { ...qualified.details, application: { ...qualified.details.application!, submittedAt: after(i) } },
      }) as Case,
  ),
  { ...submitted, id: 'd', caseNumber: '2026/00009' } as Case,
];
const nominations = nominationsOf(cases, officer);
const [admission] = admissionsOf(nominations);

const offer = (capacity: number): EducationOffer =>
  educationOfferSchema.parse({
    id: 'offer-utv-hel',
    institution: 'inst',
    department: 'helse',
    partnerId: qualified.details.partner.id,
    agreementId: 'AVT-1',
    code: 'UTV-HEL-27V',
    name: { nb: 'Utveksling helse', en: 'Exchange health' },
    kind: 'exchange',
    term: '2027V',
    period: { from: '2027-01-11', to: '2027-06-18' },
    capacity,
    requirements: { isced: [], eqf: [] },
    validity: { from: '2026-09-01', to: '2027-06-30' },
    admission: {
      proFormaMode: 'ranked',
      screening: 'deviationsOnly',
      requiredItems: [],
      maxChoices: 1,
      deadlines: { nomination: '2026-10-15', application: '2026-11-01', answer: '2026-12-01' },
    },
    updatedAt: after(0),
  });
const agreement = (places: number): OrgUnit =>
  ({
    id: 'AVT-1',
    kind: 'agreement',
    code: 'AVT-1',
    name: 'Avtale',
    parentId: 'partner',
    attributes: { validFrom: '2024-01-01', validTo: '2029-12-31', places },
  }) as unknown as OrgUnit;
const run = { id: 'run-1', at: after(5) };

describe("ranking an admission's qualified applications", () => {
  it('ranks within the offer’s capacity, the earlier submitted first, and records each result for the rank step', () => {
    const result = rankAdmission(nominations, admission!, [offer(2)], () => agreement(5), run);
    if (!result.ok) throw new Error(result.problem);
    expect(result.ranked.map((r) => [r.nomination.case.id, r.result.positions[0]!.position, r.ranking.offered])).toEqual([
      ['a', 1, 'UTV-HEL-27V'],
      ['b', 2, 'UTV-HEL-27V'],
      ['c', 3, null],
    ]);
    expect(result.ranked[2]!.ranking.run).toEqual(run);
    expect(result.ranked[2]!.ranking.reasons).toContainEqual(expect.objectContaining({ kind: 'notReached', capacity: 2 }));
    // The recorded result is a step the workflow takes on the case.
    const rank = { type: 'rank', at: after(6), ranking: result.ranked[2]!.ranking };
    const step = nominationWorkflow.transitionCase(cases[2]!, rank, officer);
    expect(step.ok).toBe(true);
  });

  it('never offers beyond the agreement’s places, and says when nothing is to be ranked', () => {
    expect(rankAdmission(nominations, admission!, [offer(2)], () => agreement(1), run)).toMatchObject({ ok: false, problem: 'invalid' });
    expect(rankAdmission(nominations, admission!, [], () => agreement(5), run)).toMatchObject({
      ok: false,
      problem: 'invalid',
      error: expect.stringContaining('UTV-HEL-27V'),
    });
    expect(
      rankAdmission(
        nominations.filter((n) => n.status !== 'qualified'),
        admission!,
        [offer(2)],
        () => agreement(5),
        run,
      ),
    ).toEqual({ ok: false, problem: 'noneQualified' });
  });

  it('ranks by the criteria the offer names, with the values the case officer assessed', () => {
    // c has the best committee score, a the best grade average; b is not assessed.
    const assessed = (n: (typeof nominations)[number], assessment: Record<string, number>) => ({
      ...n,
      details: { ...n.details, assessment: { ...assessment, assessedAt: after(4), assessedBy: officer.userId } },
    });
    const [a, b, c, d] = nominations;
    const pool = [assessed(a!, { gradeAverage: 95, committeeScore: 40 }), b!, assessed(c!, { gradeAverage: 60, committeeScore: 90 }), d!];
    const byCommittee = offer(2);
    byCommittee.admission.ranking = {
      criteria: [
        { kind: 'committeeScore', weight: 3, prefer: 'higher', whenMissing: 'rankAfter' },
        { kind: 'gradeAverage', weight: 1, prefer: 'higher', whenMissing: 'rankAfter' },
      ],
    };
    const order = (offers: EducationOffer[]) => {
      const result = rankAdmission(pool, admission!, offers, () => agreement(5), run);
      if (!result.ok) throw new Error(result.problem);
      // Listed by case id: a, b, c with each one's position and offer.
      return result.ranked.map((r) => [r.nomination.case.id, r.result.positions[0]!.position, r.ranking.offered]);
    };
    expect(order([byCommittee])).toEqual([
      ['a', 2, 'UTV-HEL-27V'],
      ['b', 3, null],
      ['c', 1, 'UTV-HEL-27V'],
    ]);
    const ranked = rankAdmission(pool, admission!, [byCommittee], () => agreement(5), run);
    if (!ranked.ok) throw new Error(ranked.problem);
    expect(inRankOrder(ranked.ranked, 'UTV-HEL-27V').map((r) => r.nomination.case.id)).toEqual(['c', 'a', 'b']);
    // Without criteria of its own the admission ranks by grade average.
    expect(order([offer(2)])).toEqual([
      ['a', 1, 'UTV-HEL-27V'],
      ['b', 3, null],
      ['c', 2, 'UTV-HEL-27V'],
    ]);
  });
});
