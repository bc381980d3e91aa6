import { describe, expect, it } from 'vitest';
import type { EducationOffer } from '../nomination/education-offer';
import { offerTable } from './access-table';
import { checkOfferWrite, mayReadOffer, mayWriteOffer } from './offer-access';
import { externalRoles, roles, type Actor, type Role } from './roles';

const actor = (role: Role, scope: Partial<Actor['scope']> = {}): Actor => ({
  userId: `${role}-1`,
  name: role,
  roles: [role],
  scope: { institution: 'hifj', departments: ['helse'], cohorts: [], partners: ['partner-lindenhof'], ...scope },
});
const scope = { institution: 'hifj', department: 'helse', partnerId: 'partner-lindenhof' };
const offer = { ...scope, id: 'offer-1', code: 'UTV-HEL-27V', capacity: 6 } as EducationOffer;

describe('the offer table', () => {
  it('lets no external party write an offer, and only nominators of all of them read one', () => {
    for (const role of externalRoles) expect(offerTable[role].write, role).toBe('-');
    expect(roles.filter((role) => externalRoles.includes(role) && offerTable[role].read !== '-')).toEqual(['nominator']);
  });

  it('gives the institution’s staff its offers, a nominator only its own partner’s, a student nothing', () => {
    expect(roles.filter((role) => !externalRoles.includes(role)).every((role) => mayReadOffer(actor(role), scope))).toBe(true);
    expect(mayReadOffer(actor('teacher', { institution: 'other' }), scope)).toBe(false);
    expect(mayReadOffer(actor('nominator'), scope)).toBe(true);
    expect(mayReadOffer(actor('nominator', { partners: ['partner-valmont'] }), scope)).toBe(false);
    expect(mayReadOffer(actor('student'), scope)).toBe(false);
    expect(mayReadOffer(actor('applicant'), scope)).toBe(false);
  });

  it('lets case officers keep the institution’s offers and heads their departments’', () => {
    expect(roles.filter((role) => mayWriteOffer(actor(role), scope))).toEqual(['departmentHead', 'caseOfficer']);
    expect(mayWriteOffer(actor('caseOfficer', { departments: [] }), scope)).toBe(true);
    expect(mayWriteOffer(actor('departmentHead', { departments: ['okonomi'] }), scope)).toBe(false);
    expect(mayWriteOffer(actor('caseOfficer', { institution: 'other' }), scope)).toBe(false);
  });
});

describe('checkOfferWrite', () => {
  it('refuses a head who moves an offer out of another department into their own', () => {
    const head = actor('departmentHead');
    expect(checkOfferWrite(head, null, offer)).toEqual({ ok: true });
    expect(checkOfferWrite(head, { ...offer, department: 'okonomi' }, offer)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('keeps the institution, partner and code of a stored offer', () => {
    const officer = actor('caseOfficer');
    expect(checkOfferWrite(officer, offer, { ...offer, capacity: 4, department: 'okonomi' })).toEqual({ ok: true });
    expect(checkOfferWrite(officer, offer, { ...offer, partnerId: 'partner-valmont', code: 'UTV-OKO-27V' })).toEqual({
      ok: false,
      code: 'fixed-field',
      message: 'The partnerId, code of an offer cannot change; make a new offer instead.',
    });
  });
});
