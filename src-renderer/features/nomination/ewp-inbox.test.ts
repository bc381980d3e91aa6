import { describe, expect, it } from 'vitest';
import { lindenhofOffer } from '../../../dev/testing/offer-fixture';
import type { EwpInboxItem } from '../../../src-shared/domain/nomination/nomination-staff.contract';
import { mobilityKeyOf, offersForSelection, refusedResults, registeredResults } from './ewp-inbox';

const item = (omobilityId: string, partnerId = 'partner-lindenhof'): EwpInboxItem => ({
  sendingHeiId: `${partnerId}.eu`,
  omobilityId,
  partner: { id: partnerId, name: partnerId },
  student: { givenNames: 'Anna', familyName: 'Nowak', globalId: 'urn:x' },
  period: { receivingAcademicYear: '2026/2027' },
  languageSkills: [],
  mobilityStatus: 'nomination',
  status: 'pending',
  comment: null,
  caseId: null,
  importedAt: '2026-12-06T10:00:00.000Z',
});
const key = (i: EwpInboxItem) => ({ sendingHeiId: i.sendingHeiId, omobilityId: i.omobilityId });

describe('offersForSelection', () => {
  const offers = [
    lindenhofOffer({ code: 'UTV-B' }),
    lindenhofOffer({ id: 'o2', code: 'UTV-A' }),
    lindenhofOffer({ id: 'o3', code: 'UTV-V', partnerId: 'partner-valmont', agreementId: 'avt-valmont' }),
  ];
  it('offers the one partner’s offers by code, and none for several partners or no selection', () => {
    expect(offersForSelection(offers, [item('1'), item('2')]).map((o) => o.code)).toEqual(['UTV-A', 'UTV-B']);
    expect(offersForSelection(offers, [item('1'), item('2', 'partner-valmont')])).toEqual([]);
    expect(offersForSelection(offers, [])).toEqual([]);
  });
});

describe('results per mobility', () => {
  const [a, b, c] = [item('a'), item('b'), item('c')];
  it('reads a registration: created or had a case already', () => {
    const results = registeredResults({
      cases: [
        { ...key(a!), caseId: 'case-a', created: true },
        { ...key(b!), caseId: 'case-b', created: false },
      ],
    });
    expect(results.get(mobilityKeyOf(a!))).toEqual({ kind: 'created', caseId: 'case-a' });
    expect(results.get(mobilityKeyOf(b!))).toEqual({ kind: 'existing', caseId: 'case-b' });
  });

  it('reads a refusal: the refused mobility’s reason, the others not registered, a problem of the request apart', () => {
    const refused = refusedResults([key(a!), key(b!)], {
      problems: [{ ...key(b!), message: 'rejected before' }, { message: 'No offer X' }, { ...key(c!), message: 'not asked' }],
    });
    expect(refused?.results.get(mobilityKeyOf(a!))).toEqual({ kind: 'notRegistered' });
    expect(refused?.results.get(mobilityKeyOf(b!))).toEqual({ kind: 'refused', message: 'rejected before' });
    expect(refused?.general).toEqual(['No offer X', 'not asked']);
    expect(refusedResults([key(a!)], { errors: [] })).toBeUndefined();
  });
});
