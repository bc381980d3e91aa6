import { describe, expect, it } from 'vitest';
import { erroneousFields } from '../../../ui/form-errors';
import { checkOffer, fieldErrorText } from './offer-check';
import { testOffer, testOrganisation } from '../../../../dev/testing/offer-screen-fixture';
import { offersTexts } from './offers-text';

const today = '2026-03-10';
const stored = [testOffer(), testOffer({ id: 'offer-bip', code: 'BIP-DIGH-27', kind: 'blendedIntensive', capacity: 3 })];
const t = offersTexts.nb;

describe('checking an offer in the form', () => {
  it('finds nothing wrong with an offer that fits its agreement and the other offers', () => {
    expect(checkOffer(testOffer({ id: 'offer-new', code: 'NY-1', capacity: 1 }), testOrganisation, today, stored)).toEqual([]);
  });

  it('names the capacity field and what the agreement leaves for the offer when its places are exceeded', () => {
    const checks = checkOffer(testOffer({ id: 'offer-new', code: 'NY-1', capacity: 2 }), testOrganisation, today, stored);
    expect(checks.map(({ code, field }) => [code, field])).toEqual([['capacity-above-places', 'capacity']]);
    expect(t.problems['capacity-above-places'](checks[0]!.facts)).toBe(
      'Avtalen AVT-1 har 10 plasser i 2027V; de andre tilbudene tar 9, så dette tilbudet kan ha høyst 1, ikke 2.',
    );
  });

  it('leaves out the offer’s own stored version and offers of other institutions', () => {
    expect(checkOffer(testOffer({ capacity: 7 }), testOrganisation, today, stored)).toEqual([]);
    const elsewhere = testOffer({ id: 'offer-other', institution: 'uib', code: 'NY-1', capacity: 10 });
    expect(checkOffer(testOffer({ id: 'offer-new', code: 'NY-1', capacity: 1 }), testOrganisation, today, [...stored, elsewhere])).toEqual([]);
  });

  it('points each problem at the field to fix it in', () => {
    const offer = testOffer({
      id: 'offer-new',
      code: 'UTV-HEL-27V',
      capacity: 1,
      validity: { from: '2023-09-01', to: '2027-06-30' },
      admission: { ...testOffer().admission, deadlines: { nomination: '2026-10-15', application: '2026-11-01', answer: '2027-02-01' } },
    });
    expect(checkOffer(offer, testOrganisation, today, stored).map(({ code, field }) => [code, field])).toEqual([
      ['code-taken', 'code'],
      ['answer-after-start', 'admission.deadlines.answer'],
      ['validity-outside-agreement', 'validity.from'],
    ]);
    expect(checkOffer(testOffer({ agreementId: 'AVT-2' }), testOrganisation, today, []).map(({ field }) => field)).toEqual(['agreementId']);
  });

  it('lists the fields with schema issues from the form’s nested errors, and words each', () => {
    const errors = {
      capacity: { type: 'invalid_type', message: 'x' },
      period: { to: { type: 'custom', message: 'x' } },
      admission: { ranking: { criteria: { root: { type: 'custom', message: 'x' }, 1: { weight: { type: 'too_big', message: 'x' } } } } },
    };
    const fields = erroneousFields(errors);
    expect(fields).toEqual([
      { field: 'capacity', type: 'invalid_type' },
      { field: 'period.to', type: 'custom' },
      { field: 'admission.ranking.criteria.1.weight', type: 'too_big' },
      { field: 'admission.ranking.criteria', type: 'custom' },
    ]);
    expect(fields.map(({ field, type }) => fieldErrorText(t.errors, field, type))).toEqual([
      t.errors.capacity,
      t.errors.dateOrder,
      t.errors.weight,
      t.errors.criteria,
    ]);
  });
});
