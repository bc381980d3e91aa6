import { caseSchema } from '../../src-shared/domain/case/case.schema';
import { nominationDetailsSchema, nominationStatusSchema } from '../../src-shared/domain/nomination/nomination.schema';
import { personSchema } from '../../src-shared/domain/person/person.schema';
import type { PortalMe, PortalNomination, PortalOffer } from '../../src-shared/portal/portal.contract';
import type { Sql } from '../db/database';
import { storedOffers } from '../case-types/nomination/offer-store';
import { storedOrganisation } from '../organisation/org-store';

/**
 * What the portal shows a partner's nominator, read straight from the stored documents and cut
 * down to what the partner needs to know (need to know: no national ID, no internal notes).
 */

/** The fields of a stored nomination case and its applicant the portal reads. */
const storedNominationSchema = caseSchema.pick({ caseNumber: true }).extend({
  status: nominationStatusSchema,
  details: nominationDetailsSchema.pick({ offer: true }),
});
const personNameSchema = personSchema.pick({ givenName: true, familyName: true });

/** The partners or placement sites (id and name) of the scope, as the organisation data names them. */
export async function partnerNames(sql: Sql, partners: readonly string[]): Promise<PortalMe['partners']> {
  const units = await storedOrganisation(sql);
  return partners.map((id) => ({ id, name: units.find((unit) => unit.id === id && (unit.kind === 'partner' || unit.kind === 'site'))?.name ?? id }));
}

/** The nomination cases of the partners (a nomination's `cohort` is its partner), by case number. */
export async function partnerNominations(sql: Sql, partners: readonly string[], status?: string): Promise<PortalNomination[]> {
  const rows = await sql.query<{ doc: string; person: string | null }>(
    `SELECT c.doc, p.doc AS person FROM sync_documents c
       LEFT JOIN sync_documents p ON p.collection = 'people' AND p.id = c.subject_person_id AND NOT p.deleted
      WHERE c.collection = 'cases' AND NOT c.deleted AND c.doc::json->>'type' = 'nomination'
        AND c.doc::json->>'cohort' = ANY($1) AND ($2::text IS NULL OR c.doc::json->>'status' = $2)`,
    [partners, status ?? null],
  );
  return rows
    .map((row) => {
      const stored = storedNominationSchema.parse(JSON.parse(row.doc));
      const person = row.person ? personNameSchema.parse(JSON.parse(row.person)) : undefined;
      const { code, name } = stored.details.offer;
      return {
        caseNumber: stored.caseNumber,
        applicantName: person ? `${person.givenName} ${person.familyName}` : '',
        offer: { code, name },
        status: stored.status,
      };
    })
    .sort((a, b) => a.caseNumber.localeCompare(b.caseNumber));
}

/** The partners' education offers, by term and code. */
export async function partnerOffers(sql: Sql, partners: readonly string[]): Promise<PortalOffer[]> {
  const offers = (await Promise.all(partners.map((partnerId) => storedOffers(sql, { partnerId })))).flat();
  const names = new Map((await partnerNames(sql, partners)).map((partner) => [partner.id, partner.name] as const));
  return offers
    .map((offer) => ({
      code: offer.code,
      partner: { id: offer.partnerId, name: names.get(offer.partnerId) ?? offer.partnerId },
      name: offer.name,
      kind: offer.kind,
      term: offer.term,
      capacity: offer.capacity,
      maxChoices: offer.admission.maxChoices,
      period: offer.period,
      deadlines: offer.admission.deadlines,
    }))
    .sort((a, b) => a.term.localeCompare(b.term) || a.code.localeCompare(b.code));
}
