import { describe, expect, it } from 'vitest';
import { admissionRoute, admissionSetupSchema, planAdmission, type AdmissionCandidate, type AdmissionSetup } from './admission-mode';

const complete: AdmissionCandidate = {
  id: 'complete',
  qualification: {
    requestedAt: '2027-03-01T10:00:00Z',
    items: [
      { kind: 'homeResults', status: 'approved' },
      { kind: 'proofOfFunding', status: 'approved' },
    ],
  },
};
// Deviation case: proof of funding received but not yet approved, results not digital.
const deviation: AdmissionCandidate = {
  id: 'deviation',
  qualification: { requestedAt: '2027-03-01T10:00:00Z', items: [{ kind: 'proofOfFunding', status: 'received' }] },
};
const screenedDeviation: AdmissionCandidate = { ...deviation, id: 'screened', screenedQualified: true };
const candidates = [complete, deviation, screenedDeviation];

const setup = (proFormaMode: AdmissionSetup['proFormaMode'], screening: AdmissionSetup['screening'] = 'deviationsOnly'): AdmissionSetup =>
  admissionSetupSchema.parse({ proFormaMode, screening, requiredItems: ['homeResults', 'proofOfFunding'] });

describe('admission modes (seed 002)', () => {
  it('pro forma, study right at once: complete data is granted study right, deviation cases are screened first', () => {
    expect(planAdmission(setup('studyRightAtOnce'), candidates)).toEqual({
      grantStudyRight: ['complete', 'screened'],
      makeOffer: [],
      rank: [],
      screen: ['deviation'],
    });
  });

  it('pro forma, direct offer: complete data gets an offer to accept or decline', () => {
    expect(planAdmission(setup('directOffer'), candidates)).toEqual({
      grantStudyRight: [],
      makeOffer: ['complete', 'screened'],
      rank: [],
      screen: ['deviation'],
    });
  });

  it('pro forma, ranked: complete data is qualified at once and ranked', () => {
    expect(planAdmission(setup('ranked'), candidates)).toEqual({ grantStudyRight: [], makeOffer: [], rank: ['complete', 'screened'], screen: ['deviation'] });
  });

  it('a new screening round for all applications screens complete ones too', () => {
    expect(planAdmission(setup('ranked', 'all'), candidates)).toEqual({
      grantStudyRight: [],
      makeOffer: [],
      rank: ['screened'],
      screen: ['complete', 'deviation'],
    });
  });

  it('says why a deviation case is screened and which admission kind the case records', () => {
    expect(admissionRoute(setup('directOffer'), deviation)).toEqual({
      step: 'screen',
      admissionKind: 'screening',
      missingItems: ['homeResults', 'proofOfFunding'],
    });
    expect(admissionRoute(setup('directOffer'), complete)).toEqual({ step: 'makeOffer', admissionKind: 'proForma', missingItems: [] });
    expect(admissionRoute(setup('directOffer'), { id: 'none' }).step).toBe('screen');
    expect(
      admissionRoute(admissionSetupSchema.parse({ proFormaMode: 'directOffer', screening: 'deviationsOnly', requiredItems: [] }), { id: 'none' }).step,
    ).toBe('makeOffer');
  });

  it('refuses an unknown mode or a required item listed twice', () => {
    expect(admissionSetupSchema.safeParse({ proFormaMode: 'lottery', screening: 'all', requiredItems: [] }).success).toBe(false);
    expect(admissionSetupSchema.safeParse({ proFormaMode: 'ranked', screening: 'all', requiredItems: ['passport', 'passport'] }).success).toBe(false);
  });
});
