import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '../organisation/org-unit.schema';
import { rankingAgreement } from './ranking-agreement';

const agreement = (attributes: Record<string, string>): OrgUnit => ({
  id: 'agreement-lisbon',
  kind: 'agreement',
  institution: 'inst-216',
  code: 'ERASMUS-LIS',
  name: 'Erasmus+ Lisbon',
  parentId: 'partner-lisbon',
  attributes,
  updatedAt: '2026-12-01T10:00:00Z',
});
const spring = { from: '2027-01-01', to: '2027-06-30' };

describe('agreement places for a ranking period', () => {
  it('gives the places of an agreement valid for the whole period', () => {
    expect(rankingAgreement(agreement({ validFrom: '2025-01-01', validTo: '2028-12-31', places: '4' }), spring)).toEqual({ id: 'agreement-lisbon', places: 4 });
    expect(rankingAgreement(agreement({ places: '4' }), spring)).toEqual({ id: 'agreement-lisbon', places: 4 });
  });

  it('gives no places when the agreement ends or starts inside the period, and no total when it names none', () => {
    expect(rankingAgreement(agreement({ validTo: '2027-03-31', places: '4' }), spring)).toEqual({ id: 'agreement-lisbon', places: 0 });
    expect(rankingAgreement(agreement({ validFrom: '2027-02-01', places: '4' }), spring)).toEqual({ id: 'agreement-lisbon', places: 0 });
    expect(rankingAgreement(agreement({}), spring)).toEqual({ id: 'agreement-lisbon' });
  });

  it('refuses a unit that is not an agreement', () => {
    expect(() => rankingAgreement({ ...agreement({}), kind: 'partner' }, spring)).toThrow('agreement-lisbon is a partner, not an agreement');
  });
});
