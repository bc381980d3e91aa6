import { addDays, dateOf } from '../../src-shared/domain/calendar/iso-date';
import { educationOfferSchema, type EducationOffer } from '../../src-shared/domain/nomination/education-offer';

/** Test support: the demo partner Lindenhof's health exchange offer for spring 2027 (a ranked pro forma admission), with overrides. */
export const lindenhofOffer = (overrides: Partial<EducationOffer> = {}): EducationOffer =>
  educationOfferSchema.parse({
    id: 'offer-utv-hel-27v',
    institution: 'hifj',
    department: 'helse',
    partnerId: 'partner-lindenhof',
    agreementId: 'avt-lindenhof',
    code: 'UTV-HEL-27V',
    name: { nb: 'Utveksling helse og sosial, vår 2027', en: 'Exchange in health and social care, spring 2027' },
    kind: 'exchange',
    term: '2027V',
    period: { from: '2027-01-11', to: '2027-06-18' },
    capacity: 6,
    requirements: { isced: ['0913'], eqf: [6], language: { code: 'en', minimumLevel: 'B2' } },
    validity: { from: '2026-09-01', to: '2027-06-30' },
    admission: {
      proFormaMode: 'ranked',
      screening: 'deviationsOnly',
      requiredItems: ['homeResults'],
      maxChoices: 2,
      deadlines: { nomination: '2026-10-15', application: '2026-11-01', answer: '2026-12-01' },
    },
    updatedAt: '2026-11-01T08:00:00.000Z',
    ...overrides,
  });

/**
 * Test support: the Lindenhof offer open for nominations and applications today (the fixed demo
 * deadlines have passed): teaching in two months, a direct offer with two choices and nothing
 * required unless `admission` says otherwise; `overrides` as for lindenhofOffer.
 */
export function openLindenhofOffer(
  overrides: Partial<EducationOffer> & Pick<EducationOffer, 'id' | 'code'>,
  admission: Partial<EducationOffer['admission']> = {},
  today = dateOf(new Date()),
): EducationOffer {
  return lindenhofOffer({
    period: { from: addDays(today, 60), to: addDays(today, 200) },
    validity: { from: addDays(today, -30), to: addDays(today, 250) },
    ...overrides,
    admission: {
      proFormaMode: 'directOffer',
      screening: 'deviationsOnly',
      requiredItems: [],
      maxChoices: 2,
      deadlines: { nomination: addDays(today, 10), application: addDays(today, 30), answer: addDays(today, 40) },
      ...admission,
    },
  });
}
