import type { Actor } from '../../../../src-shared/domain/access/roles';
import { ewpNominationSchema, type EwpIncomingStatus, type EwpNomination } from '../../../../src-shared/domain/nomination/ewp-nomination';
import { ewpNominationCasesSchema } from '../../../../src-shared/domain/nomination/nomination-staff.contract';
import { summarizeZodError } from '../../../../src-shared/kernel/app-error';
import { organisationIndex } from '../../../../src-shared/domain/organisation/organisation-index';
import type { Database } from '../../../db/database';
import { storedOrganisation } from '../../../organisation/org-store';
import { createNominations, type CreateNominationsResult, type NominationToCreate } from '../create-nominations';
import { storedOffers } from '../offer-store';
import { setIncomingStatus } from './ewp-nomination-store';

/**
 * EWP drafts become cases (way 3 of issue 11). An EWP mobility names no offer: a case officer
 * picks the offer, and registers the partner's mobilities under it on the partner's behalf. Each
 * case's key is the sending HEI and omobility id, so choosing the same mobilities again creates
 * nothing new. Only the offer's own partner's mobilities (its EWP HEI id) may go under it, none
 * that staff rejected; a mobility with a case is marked verified for the partner.
 */
export async function createEwpNominationCases(
  db: Database,
  input: { request: unknown; actor: Actor; now: Date; publicUrl: string; changesChannel?: string },
): Promise<CreateNominationsResult> {
  const parsed = ewpNominationCasesSchema.safeParse(input.request);
  if (!parsed.success) return { ok: false, problems: [{ key: 'request', message: summarizeZodError(parsed.error) }] };
  const { offerCode, mobilities } = parsed.data;
  const offer = (await storedOffers(db, { institution: input.actor.scope.institution })).find((candidate) => candidate.code === offerCode);
  if (!offer) return { ok: false, problems: [{ key: offerCode, message: `No offer ${offerCode}` }] };
  const partner = organisationIndex(await storedOrganisation(db)).unit(offer.partnerId);
  const heiId = partner?.kind === 'partner' ? partner.attributes.ewpHeiId : undefined;
  const rows = await db.query<{ sending: string; omobility: string; draft: unknown; status: EwpIncomingStatus }>(
    `SELECT sending_hei_id AS sending, omobility_id AS omobility, draft, incoming_status AS status FROM ewp_nominations
      WHERE (sending_hei_id, omobility_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    [mobilities.map((m) => m.sendingHeiId), mobilities.map((m) => m.omobilityId)],
  );
  const found = new Map(rows.map((row) => [`${row.sending}\n${row.omobility}`, row] as const));
  const problems: { key: string; message: string }[] = [];
  const drafts: NominationToCreate[] = [];
  for (const { sendingHeiId, omobilityId } of mobilities) {
    const key = ewpNominationKey({ sendingHeiId, omobilityId });
    const stored = found.get(`${sendingHeiId}\n${omobilityId}`);
    const draft = stored && ewpNominationSchema.safeParse(typeof stored.draft === 'string' ? JSON.parse(stored.draft) : stored.draft);
    if (!draft) problems.push({ key, message: `No EWP nomination ${omobilityId} from ${sendingHeiId}` });
    else if (!draft.success) problems.push({ key, message: `The stored EWP nomination ${omobilityId} is not valid` });
    else if (!heiId || sendingHeiId !== heiId) problems.push({ key, message: `${sendingHeiId} is not the EWP HEI of the offer's partner` });
    else if (stored.status === 'rejected') problems.push({ key, message: `The mobility ${omobilityId} has been rejected` });
    else if (draft.data.status === 'cancelled') problems.push({ key, message: `The partner has cancelled the mobility ${omobilityId}` });
    else drafts.push(nominationOf(key, offerCode, draft.data));
  }
  if (problems.length > 0) return { ok: false, problems };
  return createNominations(db, {
    drafts,
    partnerId: offer.partnerId,
    nominator: { kind: 'onBehalf', actor: input.actor, reason: `Nominert av ${partner!.name} gjennom EWP` },
    channel: 'ewp',
    now: input.now,
    publicUrl: input.publicUrl,
    changesChannel: input.changesChannel,
    // A mobility with a case is verified: the partner reads that back (Incoming Mobilities API).
    alsoRecord: async (tx) => {
      for (const { sendingHeiId, omobilityId } of mobilities) await setIncomingStatus(tx, { sendingHeiId, omobilityId }, 'verified');
    },
  });
}

/** The nomination key of an EWP mobility (its case is nominationCaseId(partner, key)). */
export function ewpNominationKey(mobility: { sendingHeiId: string; omobilityId: string }): string {
  return `ewp:${mobility.sendingHeiId}:${mobility.omobilityId}`;
}

function nominationOf(key: string, offerCode: string, draft: EwpNomination): NominationToCreate {
  const { givenNames, familyName, email, globalId, birthDate, citizenship } = draft.student;
  return {
    key,
    personKey: `esi:${globalId}`,
    offerCode,
    applicant: { givenName: givenNames, familyName, email: email ?? '' },
    nominated: { applicant: { globalStudentId: globalId, ...(birthDate ? { birthDate } : {}), ...(citizenship ? { citizenship } : {}) } },
  };
}
