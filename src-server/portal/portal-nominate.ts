import type { Actor } from '../../src-shared/domain/access';
import { dateOf } from '../../src-shared/domain/calendar/iso-date';
import { parseNominationCsv, type NominationCsvDraft } from '../../src-shared/domain/nomination/nomination-csv';
import type { PortalNominated, PortalNominationError } from '../../src-shared/portal/portal.contract';
import { createDraftNominations, type DraftNominationsResult } from '../case-types/nomination/draft-nominations';
import type { Database } from '../db/database';
import { HttpError } from '../http/http-error';

/**
 * A partner's nominator nominating in the portal (issue 11, ways 1 and 2): one draft from the form,
 * or a CSV file parsed here on the server (never drafts from the browser). All or nothing: any
 * refused row is a 422 with every row's error and no case is created.
 */

/** The partner the nominator acts for: the one named (it must be in scope), or their only one. */
export function nominatingPartner(actor: Actor, requested: string | undefined): string {
  const partners = actor.scope.partners;
  if (requested !== undefined) {
    if (!partners.includes(requested)) throw new HttpError(403, 'forbidden', 'forbidden', 'You do not nominate for this partner');
    return requested;
  }
  if (partners.length !== 1) throw HttpError.badRequest('Name the partner you nominate for (?partner=… or "partner")');
  return partners[0]!;
}

export interface NominateInput {
  actor: Actor;
  partnerId: string;
  now: Date;
  /** The server's address for the applicants' invitation links. */
  publicUrl: string;
  changesChannel?: string;
}

/** The CSV text's rows as cases; the file's own errors (parseNominationCsv) refuse it before any check against the offers. */
export async function nominateFromCsv(db: Database, text: string, input: NominateInput): Promise<PortalNominated> {
  const parsed = parseNominationCsv(text, { today: dateOf(input.now) });
  if (!parsed.ok) throw refused(parsed.errors);
  return nominate(db, parsed.drafts, input);
}

export async function nominate(db: Database, drafts: readonly NominationCsvDraft[], input: NominateInput): Promise<PortalNominated> {
  const result = await createDraftNominations(db, {
    drafts,
    partnerId: input.partnerId,
    nominator: { kind: 'nominator', actor: input.actor },
    channel: 'userInterface',
    now: input.now,
    publicUrl: input.publicUrl,
    changesChannel: input.changesChannel,
  });
  if (!result.ok) throw refused(errorsOf(result));
  const created = result.cases.filter((c) => c.created).length;
  return { created, existing: result.cases.length - created };
}

/** Why drafts were refused, per row and field (also for staff registering on behalf: staff/). */
export function errorsOf(result: Extract<DraftNominationsResult, { ok: false }>): PortalNominationError[] {
  if ('rows' in result) {
    return result.rows.flatMap((row) => (row.ok ? [] : row.problems.map(({ field, message }) => ({ row: row.row, field, message }))));
  }
  // The workflow's own refusals (rare: the checks above came first) are in English only.
  return result.problems.map(({ message }) => ({ message: { nb: message, en: message } }));
}

/** The 422 of refused drafts: nothing was created. */
export function refused(errors: PortalNominationError[]): HttpError {
  const count = errors.length;
  return new HttpError(422, 'bad-request', 'validation', `Nothing was nominated: ${count} error${count === 1 ? '' : 's'}`, { errors });
}
