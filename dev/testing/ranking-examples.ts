import type { RankingInput } from '../../src-shared/domain/nomination/ranking.schema';

/** A time in March 2027 (the admission's application period). */
const at = (day: number, hour = 10) => `2027-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;

/**
 * Seed 002's ranking of incoming exchange students: a partner (Lisbon) nominates five students under
 * one agreement with 3 places in spring 2027, split between an engineering exchange offer (ISCED 07,
 * EQF 6 or 7, 2 places) and a blended intensive programme in environmental science (ISCED 0521,
 * EQF 7, 1 place). Ranked by field and level match, grade average and motivation letter.
 */
export const rankingSeedExample: RankingInput = {
  config: {
    criteria: [
      { kind: 'fieldMatch', weight: 2 },
      { kind: 'levelMatch', weight: 1 },
      { kind: 'gradeAverage', weight: 3 },
      { kind: 'motivationScore', weight: 1 },
    ],
  },
  agreements: [{ id: 'agreement-lisbon', places: 3 }],
  offers: [
    { code: 'EXCH-ENG', agreementId: 'agreement-lisbon', capacity: 2, requirements: { isced: ['07'], eqf: [6, 7] } },
    { code: 'BIP-ARCTIC', agreementId: 'agreement-lisbon', capacity: 1, requirements: { isced: ['0521'], eqf: [7] } },
  ],
  applications: [
    { id: 'ana', submittedAt: at(1), choices: ['BIP-ARCTIC', 'EXCH-ENG'], isced: '0521', eqf: 7, gradeAverage: 82, motivationScore: 70 },
    { id: 'bruno', submittedAt: at(2), choices: ['EXCH-ENG'], isced: '0713', eqf: 6, gradeAverage: 90, motivationScore: 60 },
    { id: 'carla', submittedAt: at(3), choices: ['BIP-ARCTIC', 'EXCH-ENG'], isced: '0521', eqf: 7, gradeAverage: 88, motivationScore: 90 },
    { id: 'duarte', submittedAt: at(4), choices: ['EXCH-ENG', 'BIP-ARCTIC'], isced: '0732', eqf: 7, gradeAverage: 75 },
    { id: 'eva', submittedAt: at(5), choices: ['EXCH-ENG'], isced: '0713', eqf: 6, gradeAverage: 90, motivationScore: 60 },
  ],
};
