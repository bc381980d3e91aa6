import type { NominationCsvDraft } from '../../../src-shared/domain/nomination/nomination-csv';
import type { NominationDraft } from '../../../src-shared/domain/nomination/nomination-csv-draft';
import { dateOf } from '../../../src-shared/domain/calendar/iso-date';
import type { Database } from '../../db/database';
import { createNominations, type CreateNominationsInput, type CreateNominationsResult, type NominationToCreate } from './create-nominations';
import { checkCsvNominationsForPartner, type CsvImportRow } from './csv-import';

/**
 * Nominator drafts — a CSV upload's rows (way 2 of issue 11), the portal's form, staff's draft on
 * behalf of a partner — become cases only when the server's check (checkCsvNominationsForPartner)
 * accepts every one: one refused draft and nothing is created; the rows' results say why.
 */
export type DraftNominationsResult = CreateNominationsResult | { ok: false; rows: CsvImportRow[] };

export async function createDraftNominations(
  db: Database,
  input: Omit<CreateNominationsInput, 'drafts'> & { drafts: readonly NominationCsvDraft[] },
): Promise<DraftNominationsResult> {
  const rows = await checkCsvNominationsForPartner(db, input.drafts, { partnerId: input.partnerId }, dateOf(input.now));
  if (rows.some((row) => !row.ok)) return { ok: false, rows };
  const drafts = input.drafts.map(({ nomination }, index) => {
    const row = rows[index]!;
    return nominationFromDraft(input.partnerId, nomination, row.ok ? row.choices : []);
  });
  return createNominations(db, { ...input, drafts });
}

/**
 * A nominator's draft (CSV row or the portal's form) as createNominations takes it: keyed by
 * partner, e-mail and offer, with what the nominator told and the checked choices (with names).
 */
export function nominationFromDraft(partnerId: string, draft: NominationDraft, choices: { code: string; name: string }[]): NominationToCreate {
  const email = draft.email.toLowerCase();
  const { birthDate, citizenship, globalStudentId, homeInstitution } = draft;
  return {
    key: `draft:${partnerId}:${email}:${draft.offerCode}`,
    personKey: `email:${email}`,
    offerCode: draft.offerCode,
    applicant: { givenName: draft.givenName, familyName: draft.familyName, email: draft.email },
    nominated: {
      applicant: { birthDate, citizenship, ...(globalStudentId ? { globalStudentId } : {}), ...(homeInstitution ? { homeInstitution } : {}) },
      ...(choices.length > 0 ? { choices } : {}),
    },
  };
}
