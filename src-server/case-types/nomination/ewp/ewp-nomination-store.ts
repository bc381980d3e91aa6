import type { EwpIncomingStatus, EwpNomination } from '../../../../src-shared/domain/nomination/ewp-nomination';
import type { Sql } from '../../../db/database';

export interface StoreCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Stores drafts by (sending HEI, omobility id) in one statement: a new mobility is added as
 * pending, a changed one replaces its draft, an unchanged one is not written at all (jsonb
 * compares by value), so importing the same data again changes nothing.
 */
export async function storeEwpNominations(sql: Sql, drafts: readonly EwpNomination[], now: Date): Promise<StoreCounts> {
  if (drafts.length === 0) return { created: 0, updated: 0, unchanged: 0 };
  const written = await sql.query<{ created: boolean }>(
    `INSERT INTO ewp_nominations (sending_hei_id, omobility_id, receiving_hei_id, draft, imported_at, updated_at)
     SELECT draft->'sendingHei'->>'heiId', draft->>'omobilityId', draft->'receivingHei'->>'heiId', draft, $2, $2
       FROM jsonb_array_elements($1::jsonb) AS draft
     ON CONFLICT (sending_hei_id, omobility_id) DO UPDATE
        SET draft = EXCLUDED.draft, receiving_hei_id = EXCLUDED.receiving_hei_id, updated_at = EXCLUDED.updated_at
      WHERE ewp_nominations.draft IS DISTINCT FROM EXCLUDED.draft
     RETURNING (xmax = 0) AS created`,
    [JSON.stringify(drafts), now.toISOString()],
  );
  const created = written.filter((row) => row.created).length;
  return { created, updated: written.length - created, unchanged: drafts.length - written.length };
}

export interface IncomingStatus {
  omobilityId: string;
  status: EwpIncomingStatus;
  comment: string | null;
}

/** The incoming status of the given mobilities received by `receivingHeiId`; unknown ids are left out. */
/** The incoming status of the asked mobilities that the given sending HEIs sent (others' are left out). */
export async function incomingStatuses(
  sql: Sql,
  receivingHeiId: string,
  omobilityIds: readonly string[],
  sendingHeiIds: readonly string[],
): Promise<IncomingStatus[]> {
  return sql.query<IncomingStatus>(
    `SELECT omobility_id AS "omobilityId", incoming_status AS status, incoming_comment AS comment
       FROM ewp_nominations WHERE receiving_hei_id = $1 AND omobility_id = ANY($2::text[]) AND sending_hei_id = ANY($3::text[])
      ORDER BY omobility_id, sending_hei_id`,
    [receivingHeiId, omobilityIds, sendingHeiIds],
  );
}

/** Staff's answer to a nomination (verified or rejected, with an optional comment for the partner). */
export async function setIncomingStatus(
  sql: Sql,
  key: { sendingHeiId: string; omobilityId: string },
  status: EwpIncomingStatus,
  comment: string | null = null,
): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE ewp_nominations SET incoming_status = $3, incoming_comment = $4 WHERE sending_hei_id = $1 AND omobility_id = $2 RETURNING omobility_id`,
    [key.sendingHeiId, key.omobilityId, status, comment],
  );
  return rows.length === 1;
}
