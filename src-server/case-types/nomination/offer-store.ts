import { educationOfferSchema, offerProblems, type EducationOffer, type OfferProblem } from '../../../src-shared/domain/nomination/education-offer';
import { orgUnitSchema } from '../../../src-shared/domain/organisation/org-unit.schema';
import type { Sql } from '../../db/database';

/**
 * The education offers stored on the server (the replicated `offers` collection), and the server's
 * checks of a pushed offer against the organisation data and the institution's other offers.
 */

/** The stored offers (not deleted) of an institution, of a partner (partner ids are unique), or both. */
export async function storedOffers(sql: Sql, where: { institution?: string; partnerId?: string }): Promise<EducationOffer[]> {
  const rows = await sql.query<{ doc: string }>(
    `SELECT doc FROM sync_documents WHERE collection = 'offers' AND NOT deleted
        AND ($1::text IS NULL OR doc::json->>'institution' = $1) AND ($2::text IS NULL OR doc::json->>'partnerId' = $2)`,
    [where.institution ?? null, where.partnerId ?? null],
  );
  return rows.map((row) => educationOfferSchema.parse(JSON.parse(row.doc)));
}

/**
 * Why the offer cannot be stored (offerProblems against its stored agreement and the institution's
 * other offers), [] when it can. Run inside the push's transaction: the institution's organisation
 * unit is locked first, so two offers pushed at the same time are checked one after the other and
 * never share out more places than the agreement has, nor one code.
 */
export async function offerStoreProblems(tx: Sql, offer: EducationOffer, today: string): Promise<OfferProblem[]> {
  await tx.query(`SELECT id FROM sync_documents WHERE collection = 'organisation' AND id = $1 FOR UPDATE`, [offer.institution]);
  const [agreement] = await tx.query<{ doc: string }>(`SELECT doc FROM sync_documents WHERE collection = 'organisation' AND id = $1 AND NOT deleted`, [
    offer.agreementId,
  ]);
  const others = await storedOffers(tx, { institution: offer.institution });
  return offerProblems(offer, agreement && orgUnitSchema.parse(JSON.parse(agreement.doc)), today, others);
}
