import { describe, expect, it } from 'vitest';
import { type z } from 'zod';
import type { OrgUnit } from '../organisation/org-unit.schema';
import { educationOfferSchema, offerAdmissionSchema, offerProblems, type EducationOffer } from './education-offer';
import { lindenhofOffer } from '../../../dev/testing/offer-fixture';

const agreement = (attributes: OrgUnit['attributes'] = { validFrom: '2024-01-01', validTo: '2028-12-31', places: '10' }): OrgUnit => ({
  id: 'avt-lindenhof',
  kind: 'agreement',
  institution: 'hifj',
  code: 'AVT-2024-017',
  name: 'Avtale med Lindenhof',
  parentId: 'partner-lindenhof',
  attributes,
  updatedAt: '2026-11-01T08:00:00.000Z',
});

const offer = (overrides: Partial<EducationOffer> = {}): EducationOffer =>
  lindenhofOffer({
    ...{
      admission: {
        proFormaMode: 'ranked',
        screening: 'deviationsOnly',
        requiredItems: ['homeResults'],
        maxChoices: 3,
        deadlines: { nomination: '2026-10-15', application: '2026-11-01', answer: '2026-12-01' },
      },
    },
    ...overrides,
  });

const today = '2026-12-06';
const codes = (problems: { code: string }[]) => problems.map((problem) => problem.code);
const messages = (result: z.ZodSafeParseResult<unknown>) =>
  result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('the education offer schema', () => {
  it('takes a complete offer, with or without a language requirement', () => {
    expect(offer().capacity).toBe(6);
    expect(offer({ requirements: { isced: [], eqf: [] } }).requirements.language).toBeUndefined();
  });

  it('says which field is wrong, and why', () => {
    const bad = { ...offer(), code: 'utv hel', term: '27V', capacity: -1, period: { from: '2027-06-18', to: '2027-01-11' }, name: { nb: ' ', en: 'x' } };
    expect(messages(educationOfferSchema.safeParse(bad))).toEqual([
      expect.stringMatching(/^code: /),
      'name.nb: Must not be empty',
      expect.stringMatching(/^term: /),
      'period.to: from must not be after to',
      expect.stringMatching(/^capacity: Too small/),
    ]);
    const language = { ...offer().requirements, language: { code: 'english', minimumLevel: 'B3' } };
    expect(messages(educationOfferSchema.safeParse({ ...offer(), requirements: language }))).toEqual([
      'requirements.language.code: an ISO 639-1 language code',
      expect.stringMatching(/^requirements\.language\.minimumLevel: /),
    ]);
  });

  it('reuses the admission modes and keeps the deadlines in order', () => {
    const admission = offer().admission;
    expect(messages(offerAdmissionSchema.safeParse({ ...admission, proFormaMode: 'lottery' }))).toEqual([expect.stringMatching(/^proFormaMode: /)]);
    expect(messages(offerAdmissionSchema.safeParse({ ...admission, requiredItems: ['passport', 'passport'] }))).toEqual([
      'requiredItems: Each item may be required once',
    ]);
    expect(messages(offerAdmissionSchema.safeParse({ ...admission, maxChoices: 0 }))).toEqual([expect.stringMatching(/^maxChoices: Too small/)]);
    expect(
      messages(offerAdmissionSchema.safeParse({ ...admission, deadlines: { nomination: '2026-11-02', application: '2026-11-01', answer: '2026-10-01' } })),
    ).toEqual([
      'deadlines.application: The application deadline must not be before the nomination deadline',
      'deadlines.answer: The answer deadline must not be before the application deadline',
    ]);
  });
});

describe('offerProblems', () => {
  it('finds nothing wrong with an offer that fits its agreement', () => {
    expect(offerProblems(offer(), agreement(), today)).toEqual([]);
    // An agreement without dates or places sets no limit.
    expect(offerProblems(offer({ capacity: 500 }), agreement({}), today)).toEqual([]);
  });

  it('refuses an offer whose agreement is missing, of another kind, or with another partner', () => {
    expect(codes(offerProblems(offer(), undefined, today))).toEqual(['agreement-missing']);
    expect(codes(offerProblems(offer(), { ...agreement(), kind: 'partner' }, today))).toEqual(['agreement-missing']);
    expect(codes(offerProblems(offer(), { ...agreement(), institution: 'other' }, today))).toEqual(['agreement-missing']);
    expect(offerProblems(offer(), { ...agreement(), parentId: 'partner-valmont' }, today)).toEqual([
      { code: 'agreement-other-partner', message: 'The agreement avt-lindenhof is not with the partner partner-lindenhof.' },
    ]);
  });

  it('keeps the offer within the agreement’s dates, and refuses an agreement that has ended', () => {
    const short = agreement({ validFrom: '2026-10-01', validTo: '2027-06-01', places: '10' });
    expect(codes(offerProblems(offer(), short, today))).toEqual(['validity-outside-agreement']);
    expect(codes(offerProblems(offer(), short, '2027-06-02'))).toEqual(['agreement-ended', 'validity-outside-agreement']);
  });

  it('keeps the teaching period and the deadlines within the offer’s validity, the answer before the start', () => {
    const late = offer({ period: { from: '2027-01-11', to: '2027-07-15' } });
    expect(codes(offerProblems(late, agreement(), today))).toEqual(['period-outside-validity']);
    const deadlines = { nomination: '2026-08-15', application: '2026-11-01', answer: '2027-01-20' };
    expect(codes(offerProblems(offer({ admission: { ...offer().admission, deadlines } }), agreement(), today))).toEqual([
      'deadlines-outside-validity',
      'answer-after-start',
    ]);
  });

  it('never gives the agreement’s offers in one term more places than the agreement has', () => {
    expect(offerProblems(offer({ capacity: 11 }), agreement(), today)).toEqual([
      { code: 'capacity-above-places', message: 'The agreement avt-lindenhof has 10 places in 2027V; this offer cannot have 11.' },
    ]);
    const others = [
      offer({ id: 'bip', code: 'BIP-DIGH-27', capacity: 3 }),
      offer({ id: 'autumn', code: 'UTV-HEL-27H', term: '2027H', capacity: 10 }),
      offer({ id: 'elsewhere', code: 'UTV-OKO-27V', agreementId: 'avt-valmont', capacity: 10 }),
    ];
    expect(offerProblems(offer({ capacity: 7 }), agreement(), today, others)).toEqual([]);
    expect(offerProblems(offer({ capacity: 8 }), agreement(), today, others)).toEqual([
      {
        code: 'capacity-above-places',
        message: 'The agreement avt-lindenhof has 10 places in 2027V; its other offers take 3, so this offer can have at most 7, not 8.',
      },
    ]);
    // The offer's own stored version does not count against it.
    expect(offerProblems(offer({ capacity: 7 }), agreement(), today, [...others, offer({ capacity: 7 })])).toEqual([]);
  });

  it('refuses a code another offer has', () => {
    const other = offer({ id: 'other', agreementId: 'avt-valmont' });
    expect(offerProblems(offer(), agreement(), today, [other])).toEqual([
      { code: 'code-taken', message: 'Another offer (other) already has the code UTV-HEL-27V.' },
    ]);
  });
});
