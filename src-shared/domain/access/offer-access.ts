import type { EducationOffer } from '../nomination/education-offer';
import { offerTable } from './access-table';
import type { Actor } from './roles';

/** The fields of an offer the access rules read. */
export type OfferScope = Pick<EducationOffer, 'institution' | 'department' | 'partnerId'>;

/** May the actor receive the offer (offerTable `read`)? */
export function mayReadOffer(actor: Actor, offer: OfferScope): boolean {
  if (offer.institution !== actor.scope.institution) return false;
  return actor.roles.some((role) => {
    const { read } = offerTable[role];
    return read === 'institution' || (read === 'partner' && actor.scope.partners.includes(offer.partnerId));
  });
}

/** May the actor create or change an offer in this scope (offerTable `write`)? */
export function mayWriteOffer(actor: Actor, offer: OfferScope): boolean {
  if (offer.institution !== actor.scope.institution) return false;
  return actor.roles.some((role) => {
    const { write } = offerTable[role];
    return write === 'institution' || (write === 'department' && actor.scope.departments.includes(offer.department));
  });
}

/** Fields fixed once an offer exists: nominations name it by its code, and its partner's nominators read it. */
const fixedFields = ['institution', 'partnerId', 'code'] as const;

export type OfferWriteResult = { ok: true } | { ok: false; code: 'forbidden' | 'fixed-field'; message: string };

/** Whether the actor may store `after` over `before` (null: a new offer), as far as who acts is concerned. */
export function checkOfferWrite(actor: Actor, before: EducationOffer | null, after: EducationOffer): OfferWriteResult {
  if (!mayWriteOffer(actor, after) || (before && !mayWriteOffer(actor, before))) {
    return { ok: false, code: 'forbidden', message: 'Only case officers of the institution, and heads of the department that runs it, may keep an offer.' };
  }
  const changed = before ? fixedFields.filter((field) => before[field] !== after[field]) : [];
  if (changed.length) return { ok: false, code: 'fixed-field', message: `The ${changed.join(', ')} of an offer cannot change; make a new offer instead.` };
  return { ok: true };
}
