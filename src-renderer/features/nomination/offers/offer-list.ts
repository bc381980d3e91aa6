import type { EducationOffer } from '../../../../src-shared/domain/nomination/education-offer';
import type { OrganisationIndex } from '../../../../src-shared/domain/organisation/organisation-index';

/** One agreement's places in a term against the capacity its offers take. */
export interface AgreementUse {
  agreementId: string;
  agreementName: string;
  /** The agreement's places; undefined when it sets no total. */
  places: number | undefined;
  /** The sum of its offers' capacity in the term. */
  used: number;
  offers: EducationOffer[];
}

/** The offers of one partner in one term, per agreement. */
export interface OfferGroup {
  partnerId: string;
  partnerName: string;
  term: string;
  agreements: AgreementUse[];
}

const placesOf = (organisation: OrganisationIndex, agreementId: string): number | undefined => {
  const places = organisation.unit(agreementId)?.attributes.places;
  return places === undefined ? undefined : Number(places);
};

/** The capacity the agreement's offers take in the term, leaving out the offer `except` (by id). */
export function capacityUsed(offers: readonly EducationOffer[], agreementId: string, term: string, except?: string): number {
  return offers.filter((o) => o.agreementId === agreementId && o.term === term && o.id !== except).reduce((sum, o) => sum + o.capacity, 0);
}

/** The offers grouped by partner (by name) and term, each agreement with its places and what its offers take; offers by code. */
export function offerGroups(offers: readonly EducationOffer[], organisation: OrganisationIndex): OfferGroup[] {
  const groups = new Map<string, OfferGroup>();
  for (const offer of [...offers].sort((a, b) => a.code.localeCompare(b.code))) {
    const key = `${offer.partnerId}\u0000${offer.term}`;
    const group = groups.get(key) ?? { partnerId: offer.partnerId, partnerName: organisation.nameOf(offer.partnerId), term: offer.term, agreements: [] };
    groups.set(key, group);
    let use = group.agreements.find((a) => a.agreementId === offer.agreementId);
    if (!use) {
      use = {
        agreementId: offer.agreementId,
        agreementName: organisation.nameOf(offer.agreementId),
        places: placesOf(organisation, offer.agreementId),
        used: 0,
        offers: [],
      };
      group.agreements.push(use);
    }
    use.offers.push(offer);
    use.used += offer.capacity;
  }
  return [...groups.values()].sort((a, b) => a.partnerName.localeCompare(b.partnerName, 'nb') || a.term.localeCompare(b.term));
}
