import { describe, expect, it } from 'vitest';
import { actorFor, nominationEvents, nominationStart, walk } from '../../../dev/testing/fixtures';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { nominationWorkflow, type NominationCase } from '../../../src-shared/domain/nomination';
import { admissionsOf, applicationsToProcess, nominationsOf, statusCounts } from './nomination-queue';

const officer = actorFor('caseOfficer');
const [nominated, submitted, underReview] = walk(nominationWorkflow, nominationStart('screening'), [
  ['applicant', nominationEvents.submitApplication],
  ['caseOfficer', nominationEvents.startReview],
]);

const named = (c: NominationCase, id: string, caseNumber: string, offer = c.details.offer): Case =>
  ({ ...c, id, caseNumber, details: { ...c.details, offer } }) as Case;
const otherOffer = { ...nominationStart().details.offer, code: 'UTV-ING-27V', name: 'Utveksling ingeniør' };

const cases: Case[] = [
  named(underReview!, 'n-3', '2026/00003'),
  named(nominated!, 'n-1', '2026/00001'),
  named(submitted!, 'n-2', '2026/00002'),
  named(submitted!, 'n-4', '2026/00004'),
  named(submitted!, 'n-5', '2026/00005', otherOffer),
  // Not shown: another type, and details that do not parse.
  { ...named(submitted!, 'n-6', '2026/00006'), type: 'followUp' },
  { ...named(submitted!, 'n-7', '2026/00007'), details: { offer: 'broken' } },
];

describe('the case officer’s nomination queue', () => {
  const nominations = nominationsOf(cases, officer);

  it('holds the nomination cases the user may see whose details parse', () => {
    expect(nominations.map((n) => n.case.id).sort()).toEqual(['n-1', 'n-2', 'n-3', 'n-4', 'n-5']);
    // A nominator of another partner sees none of them.
    const otherNominator = actorFor('nominator');
    expect(nominationsOf(cases, { ...otherNominator, scope: { ...otherNominator.scope, partners: ['another-partner'] } })).toEqual([]);
  });

  it('lists the admissions by offer with their number of applications', () => {
    expect(admissionsOf(nominations)).toEqual([
      { key: 'UTV-HEL-27V|2027V', code: 'UTV-HEL-27V', name: 'Utveksling helse, vår 2027', term: '2027V', count: 4 },
      { key: 'UTV-ING-27V|2027V', code: 'UTV-ING-27V', name: 'Utveksling ingeniør', term: '2027V', count: 1 },
    ]);
  });

  it('counts an admission’s applications per status in process order, and filters by status', () => {
    const admission = applicationsToProcess(nominations, 'UTV-HEL-27V|2027V', 'all');
    expect(admission.map((n) => n.case.caseNumber)).toEqual(['2026/00001', '2026/00002', '2026/00003', '2026/00004']);
    expect(statusCounts(admission)).toEqual([
      { status: 'nominated', count: 1 },
      { status: 'submitted', count: 2 },
      { status: 'underReview', count: 1 },
    ]);
    expect(applicationsToProcess(nominations, 'UTV-HEL-27V|2027V', 'submitted').map((n) => n.case.id)).toEqual(['n-2', 'n-4']);
    expect(applicationsToProcess(nominations, 'UTV-HEL-27V|2027V', 'offered')).toEqual([]);
  });
});
