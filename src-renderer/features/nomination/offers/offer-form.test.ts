import { describe, expect, it } from 'vitest';
import { defaultOfferRanking } from '../../../../src-shared/domain/nomination/education-offer';
import { formFieldOf, formFromOffer, newOfferForm, offerFromForm, offerResolver, type OfferFormValues } from './offer-form';
import { testOffer } from '../../../../dev/testing/offer-screen-fixture';

const identity = { id: 'offer-utv-hel', institution: 'hvl', updatedAt: '2026-03-01T10:00:00.000Z' };
const resolverOptions = { fields: {}, shouldUseNativeValidation: false } as const;

describe('the offer form', () => {
  it('gives back the stored offer it was filled from', () => {
    const offer = testOffer({
      admission: { ...testOffer().admission, ranking: { criteria: [{ kind: 'committeeScore', weight: 2, prefer: 'lower', whenMissing: 'lowest' }] } },
    });
    const result = offerFromForm(formFromOffer(offer), identity);
    expect(result.success && result.data).toEqual(offer);
  });

  it('shows ISCED codes as one text, EQF levels as checked values and no language as an empty code', () => {
    const form = formFromOffer(testOffer({ requirements: { isced: ['0913', '0988'], eqf: [6, 7] } }));
    expect(form.requirements).toEqual({ isced: '0913 0988', eqf: ['6', '7'], language: { code: '', minimumLevel: 'B2' } });
    const result = offerFromForm({ ...form, requirements: { ...form.requirements, isced: ' 0913, 0988 ', eqf: ['7', '6'] } }, identity);
    expect(result.success && result.data.requirements).toEqual({ isced: ['0913', '0988'], eqf: [6, 7] });
  });

  it('stores ranking criteria only for a ranked admission, and shows the default criteria when none are stored', () => {
    const form = formFromOffer(testOffer());
    expect(form.admission.ranking).toEqual(defaultOfferRanking);
    const ranked = offerFromForm(form, identity);
    expect(ranked.success && ranked.data.admission.ranking).toEqual(defaultOfferRanking);
    const direct = offerFromForm({ ...form, admission: { ...form.admission, proFormaMode: 'directOffer' } }, identity);
    expect(direct.success && 'ranking' in direct.data.admission).toBe(false);
  });

  it('refuses a new form until it is filled in, naming the fields', () => {
    const result = offerFromForm(newOfferForm({ partnerId: 'p-linden', agreementId: 'AVT-1', department: 'helse' }), identity);
    expect(result.success).toBe(false);
    const fields = new Set(result.error?.issues.map((issue) => formFieldOf(issue.path)));
    expect([...fields]).toEqual(
      expect.arrayContaining([
        'code',
        'name.nb',
        'name.en',
        'term',
        'period.from',
        'validity.to',
        'admission.deadlines.nomination',
        'admission.deadlines.answer',
      ]),
    );
    expect(fields.has('capacity')).toBe(false);
  });

  it('maps an issue on one ISCED code or EQF level to its input', () => {
    expect(formFieldOf(['requirements', 'isced', 2])).toBe('requirements.isced');
    expect(formFieldOf(['requirements', 'eqf', 0])).toBe('requirements.eqf');
    expect(formFieldOf(['admission', 'ranking', 'criteria', 1, 'weight'])).toBe('admission.ranking.criteria.1.weight');
  });

  it('resolves valid values to the offer stamped when it is checked, and invalid ones to errors per field', async () => {
    const resolver = offerResolver(() => identity);
    const valid = await resolver(formFromOffer(testOffer()), undefined, resolverOptions);
    // A ranked admission is saved with the criteria the form showed.
    expect(valid).toEqual({ values: testOffer({ admission: { ...testOffer().admission, ranking: defaultOfferRanking } }), errors: {} });
    const form: OfferFormValues = formFromOffer(testOffer());
    const invalid = await resolver(
      { ...form, capacity: Number.NaN, period: { from: '2027-06-18', to: '2027-01-11' }, requirements: { ...form.requirements, isced: '09x' } },
      undefined,
      resolverOptions,
    );
    expect(invalid.values).toEqual({});
    expect(Object.keys(invalid.errors).sort()).toEqual(['capacity', 'period', 'requirements']);
    expect(invalid.errors.period?.to?.type).toBe('custom');
    expect(invalid.errors.requirements?.isced?.type).toBe('invalid_format');
  });
});
