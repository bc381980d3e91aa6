import type { Actor } from '../../../../src-shared/domain/access';
import { ewpNominationSchema, type EwpIncomingStatus } from '../../../../src-shared/domain/nomination/ewp-nomination';
import type { EwpInboxItem, EwpMobilityKey } from '../../../../src-shared/domain/nomination/nomination-staff.contract';
import { appendAudit } from '../../../audit/audit-log';
import type { Database, Sql } from '../../../db/database';
import { HttpError } from '../../../http/http-error';
import { nominationCaseId } from '../create-nominations';
import { ewpNominationKey } from '../ewp/ewp-nomination-cases';
import { setIncomingStatus } from '../ewp/ewp-nomination-store';
import { institutionPartners, type InstitutionPartner } from './institution-partners';

/**
 * The case officer's EWP inbox: the mobilities the institution's partners sent through EWP (by
 * each partner's EWP HEI id in the organisation data), with our answer and whether a case was
 * registered for it; and the refusal of one, with the comment the partner reads back. Another
 * institution's partners' mobilities are not there (as if they did not exist).
 */

interface Row {
  sending: string;
  omobility: string;
  draft: unknown;
  status: EwpIncomingStatus;
  comment: string | null;
  imported_at: Date | string;
}

export async function ewpInbox(db: Database, actor: Actor, status: EwpIncomingStatus | undefined): Promise<EwpInboxItem[]> {
  const partners = partnersByHei(await institutionPartners(db, actor.scope.institution));
  const rows = await db.query<Row>(
    `SELECT sending_hei_id AS sending, omobility_id AS omobility, draft, incoming_status AS status, incoming_comment AS comment, imported_at
       FROM ewp_nominations WHERE sending_hei_id = ANY($1::text[]) AND ($2::text IS NULL OR incoming_status = $2)
      ORDER BY imported_at DESC, sending_hei_id, omobility_id`,
    [[...partners.keys()], status ?? null],
  );
  const caseIdOf = (row: Row) => nominationCaseId(partners.get(row.sending)!.id, ewpNominationKey({ sendingHeiId: row.sending, omobilityId: row.omobility }));
  const existing = await existingCases(db, rows.map(caseIdOf));
  return rows.map((row) => {
    const draft = ewpNominationSchema.parse(typeof row.draft === 'string' ? JSON.parse(row.draft) : row.draft);
    const partner = partners.get(row.sending)!;
    const { givenNames, familyName, globalId, birthDate, citizenship, email } = draft.student;
    const caseId = caseIdOf(row);
    return {
      sendingHeiId: row.sending,
      omobilityId: row.omobility,
      partner: { id: partner.id, name: partner.name },
      student: { givenNames, familyName, globalId, birthDate, citizenship, email },
      period: draft.period,
      iscedCode: draft.iscedCode,
      eqfLevel: draft.eqfLevelAtNomination ?? draft.eqfLevelAtDeparture,
      languageSkills: draft.languageSkills,
      mobilityStatus: draft.status,
      status: row.status,
      comment: row.comment,
      caseId: existing.has(caseId) ? caseId : null,
      importedAt: new Date(row.imported_at).toISOString(),
    };
  });
}

/**
 * Refuses a mobility with a comment for the partner (audited). Not for a mobility of another
 * institution's partner (404) nor one that has a case already (409: the case is processed instead).
 */
export async function rejectEwpMobility(db: Database, actor: Actor, input: EwpMobilityKey & { comment: string }, now: Date): Promise<void> {
  const partner = partnersByHei(await institutionPartners(db, actor.scope.institution)).get(input.sendingHeiId);
  const notFound = new HttpError(404, 'not-found', 'not-found', `No EWP nomination ${input.omobilityId} from ${input.sendingHeiId}`);
  if (!partner) throw notFound;
  await db.transaction(async (tx) => {
    const caseId = nominationCaseId(partner.id, ewpNominationKey(input));
    if ((await existingCases(tx, [caseId])).size > 0) {
      throw new HttpError(409, 'conflict', 'conflict', `The mobility ${input.omobilityId} is registered as a case already; process the case instead`);
    }
    if (!(await setIncomingStatus(tx, input, 'rejected', input.comment))) throw notFound;
    await appendAudit(
      tx,
      [
        {
          actorId: actor.userId,
          onBehalfOf: null,
          action: 'ewp-nomination-rejected',
          collection: null,
          documentId: `${input.sendingHeiId}/${input.omobilityId}`,
          outcome: 'accepted',
          reason: input.comment,
          detail: { partner: partner.id, summary: `EWP nomination ${input.omobilityId} from ${partner.name} rejected by ${actor.name}` },
        },
      ],
      now,
    );
  });
}

function partnersByHei(partners: readonly InstitutionPartner[]): Map<string, InstitutionPartner> {
  return new Map(partners.flatMap((partner) => (partner.ewpHeiId ? [[partner.ewpHeiId, partner] as const] : [])));
}

/** Which of the case ids are stored (not deleted) cases. */
async function existingCases(sql: Sql, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await sql.query<{ id: string }>(`SELECT id FROM sync_documents WHERE collection = 'cases' AND NOT deleted AND id = ANY($1::text[])`, [ids]);
  return new Set(rows.map((row) => row.id));
}
