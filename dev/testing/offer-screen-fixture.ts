import { lindenhofOffer } from './offer-fixture';
import type { EducationOffer } from '../../src-shared/domain/nomination/education-offer';
import { organisationIndex } from '../../src-shared/domain/organisation/organisation-index';
import type { OrgUnit } from '../../src-shared/domain/organisation/org-unit.schema';

/** Test support: the offer screens' unit tests' data: one institution, two partners, an agreement with 10 places per term. */
const at = '2026-03-01T10:00:00.000Z';
const unit = (id: string, kind: OrgUnit['kind'], parentId: string, name: string, attributes: Record<string, string> = {}): OrgUnit => ({
  id,
  kind,
  institution: 'hvl',
  code: '',
  name,
  parentId,
  attributes,
  updatedAt: at,
});

export const testOrganisation = organisationIndex([
  unit('hvl', 'institution', '', 'Høgskulen'),
  unit('helse', 'department', 'hvl', 'Fakultet for helse'),
  unit('teknologi', 'department', 'hvl', 'Fakultet for teknologi'),
  unit('p-linden', 'partner', 'hvl', 'Hochschule Lindenhof'),
  unit('p-aurora', 'partner', 'hvl', 'Aurora University'),
  unit('AVT-1', 'agreement', 'p-linden', 'Avtale AVT-1', { validFrom: '2024-01-01', validTo: '2029-12-31', places: '10' }),
  unit('AVT-2', 'agreement', 'p-aurora', 'Avtale AVT-2', { validFrom: '2024-01-01', validTo: '2029-12-31' }),
]);

/** A stored offer under AVT-1 in 2027V (the shared Lindenhof offer fixture, in this test organisation); `change` overrides fields. */
export function testOffer(change: Partial<EducationOffer> = {}): EducationOffer {
  return lindenhofOffer({
    id: 'offer-utv-hel',
    institution: 'hvl',
    partnerId: 'p-linden',
    agreementId: 'AVT-1',
    name: { nb: 'Utveksling helse', en: 'Exchange in health' },
    updatedAt: at,
    ...change,
  });
}
