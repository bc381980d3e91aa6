import { describe, expect, it } from 'vitest';
import type { PortalOffer } from '../../src-shared/portal/portal.contract';
import { emptyNominateForm, nominateFormSchema } from './nominate-form';

const offer = (code: string, maxChoices: number): PortalOffer => ({
  code,
  partner: { id: 'partner-lindenhof', name: 'Hochschule Lindenhof' },
  name: { nb: code, en: code },
  kind: 'exchange',
  term: '2027V',
  capacity: 4,
  maxChoices,
  period: { from: '2027-01-10', to: '2027-06-20' },
  deadlines: { nomination: '2026-10-01', application: '2026-11-01', answer: '2026-12-01' },
});
const offers = [offer('UTV-HEL-27V', 1), offer('BIP-DIGH-27', 3)];
const filled = {
  ...emptyNominateForm,
  givenName: '  Åse   Marie ',
  familyName: 'Ødegård',
  email: ' Ase@Example.com ',
  birthDate: '2003-04-17',
  citizenship: 'no',
  offerCode: 'UTV-HEL-27V',
  choices: 'bip-digh-27',
};

describe('the nomination form as a draft', () => {
  it('trims, puts codes in their case, takes the term from the offer and drops choices the offer does not allow', () => {
    expect(nominateFormSchema(offers).parse(filled)).toEqual({
      givenName: 'Åse Marie',
      familyName: 'Ødegård',
      email: 'ase@example.com',
      birthDate: '2003-04-17',
      citizenship: 'NO',
      offerCode: 'UTV-HEL-27V',
      term: '2027V',
      choices: [],
    });
  });

  it('keeps choices, language and level where given and allowed', () => {
    const draft = nominateFormSchema(offers).parse({
      ...filled,
      offerCode: 'BIP-DIGH-27',
      choices: 'bip-digh-27, utv-hel-27v',
      language: 'EN',
      languageLevel: 'B2',
    });
    expect(draft).toMatchObject({ choices: ['BIP-DIGH-27', 'UTV-HEL-27V'], language: 'en', languageLevel: 'B2' });
  });

  it('names the fields that are wrong, so the form shows the errors there', () => {
    const result = nominateFormSchema(offers).safeParse({ ...filled, email: 'not-an-email', citizenship: 'XX', language: 'en' });
    expect(result.success).toBe(false);
    expect(new Set(result.error!.issues.map((issue) => issue.path[0]))).toEqual(new Set(['email', 'citizenship', 'languageLevel']));
  });
});
