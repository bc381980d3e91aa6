import { describe, expect, it } from 'vitest';
import { capacityUsed, offerGroups } from './offer-list';
import { testOffer, testOrganisation } from '../../../../dev/testing/offer-screen-fixture';

const health = testOffer();
const bip = testOffer({ id: 'offer-bip', code: 'BIP-DIGH-27', kind: 'blendedIntensive', capacity: 3 });
const autumn = testOffer({ id: 'offer-autumn', code: 'UTV-HEL-27H', term: '2027H', capacity: 4 });
const aurora = testOffer({ id: 'offer-aurora', code: 'UTV-TEK-27V', partnerId: 'p-aurora', agreementId: 'AVT-2', capacity: 20 });

describe('the offer list', () => {
  it('groups offers by partner (by name) and term, each agreement with its places and the capacity its offers take', () => {
    const groups = offerGroups([autumn, aurora, health, bip], testOrganisation);
    expect(groups.map((g) => [g.partnerName, g.term, g.agreements.map((a) => [a.agreementId, a.places, a.used, a.offers.map((o) => o.code)])])).toEqual([
      ['Aurora University', '2027V', [['AVT-2', undefined, 20, ['UTV-TEK-27V']]]],
      ['Hochschule Lindenhof', '2027H', [['AVT-1', 10, 4, ['UTV-HEL-27H']]]],
      ['Hochschule Lindenhof', '2027V', [['AVT-1', 10, 9, ['BIP-DIGH-27', 'UTV-HEL-27V']]]],
    ]);
  });

  it('counts the capacity an agreement gives in a term, leaving out the offer being edited', () => {
    const offers = [health, bip, autumn, aurora];
    expect(capacityUsed(offers, 'AVT-1', '2027V')).toBe(9);
    expect(capacityUsed(offers, 'AVT-1', '2027V', health.id)).toBe(3);
    expect(capacityUsed(offers, 'AVT-1', '2028V')).toBe(0);
  });
});
