import type { CsvText, NominationCsvDraft } from '../../../src-shared/domain/nomination/nomination-csv';
import type { NominationField } from '../../../src-shared/domain/nomination/nomination-csv-draft';
import type { EducationOffer } from '../../../src-shared/domain/nomination/education-offer';
import type { NominationDetails } from '../../../src-shared/domain/nomination/nomination.schema';
import { organisationIndex } from '../../../src-shared/domain/organisation/organisation-index';
import type { OrgUnit } from '../../../src-shared/domain/organisation/org-unit.schema';
import type { Sql } from '../../db/database';
import { storedOrganisation } from '../../organisation/org-store';
import { storedOffers } from './offer-store';

/**
 * The server's check of an uploaded nomination file (CSV, way 2 of issue 11) against the
 * nominator's scope: every offer a row names — the nominated offer and each choice — must rest on
 * one of the nominator's partner's agreements in the organisation data, in force today, and be for
 * the row's term. The rows come from parseNominationCsv run on the server (never a client's
 * drafts); createDraftNominations (draft-nominations.ts) turns accepted rows into cases.
 */

/** An offer (utdanningstilbud) open for nomination, as the admission set-up names it. */
export interface NominationOffer {
  offer: NominationDetails['offer'];
  /** Whether the applicant may pick and rank several offers. */
  choicesAllowed: boolean;
}

/** A stored education offer as the check names it (by its Norwegian name, as nomination cases carry it). */
export function nominationOfferOf(offer: EducationOffer): NominationOffer {
  const { code, name, kind, term, agreementId } = offer;
  return { offer: { code, name: name.nb, kind, term, agreementId }, choicesAllowed: offer.admission.maxChoices > 1 };
}

export interface NominatorScope {
  partnerId: string;
}

export interface CsvImportProblem {
  field: NominationField;
  message: CsvText;
}

export type CsvImportRow =
  | {
      row: number;
      ok: true;
      offer: NominationDetails['offer'];
      partner: NominationDetails['partner'];
      /** The choices with their names, best first (empty when the row has none). */
      choices: { code: string; name: string }[];
    }
  | { row: number; ok: false; problems: CsvImportProblem[] };

const messages = {
  // The same words for an unknown offer and another partner's offer: a nominator learns nothing of other partners.
  notYours: (code: string): CsvText => ({
    nb: `Tilbudet ${code} hører ikke til noen av avtalene med dere.`,
    en: `The offer ${code} is not under any of your agreements.`,
  }),
  otherTerm: (code: string, term: string): CsvText => ({ nb: `Tilbudet ${code} gjelder termin ${term}.`, en: `The offer ${code} is for the term ${term}.` }),
  notYetValid: (code: string, from: string): CsvText => ({
    nb: `Avtalen som tilbudet ${code} hører til, gjelder først fra ${from}.`,
    en: `The agreement of the offer ${code} is not valid until ${from}.`,
  }),
  ended: (code: string, to: string): CsvText => ({
    nb: `Avtalen som tilbudet ${code} hører til, gikk ut ${to}.`,
    en: `The agreement of the offer ${code} ended on ${to}.`,
  }),
  noChoices: (code: string): CsvText => ({
    nb: `Opptaket til ${code} har ikke valg mellom tilbud; la valg-kolonnen stå tom.`,
    en: `The admission to ${code} has no choice between offers; leave the choices blank.`,
  }),
};

/** One result per row, in the rows' order. `today` is YYYY-MM-DD. */
export async function checkCsvNominations(
  sql: Sql,
  drafts: readonly NominationCsvDraft[],
  scope: NominatorScope,
  offers: readonly NominationOffer[],
  today: string,
): Promise<CsvImportRow[]> {
  const organisation = organisationIndex(await storedOrganisation(sql));
  const partner = organisation.unit(scope.partnerId);
  const agreements = new Map(
    (partner?.kind === 'partner' ? organisation.list('agreement', partner.id) : []).map((agreement) => [agreement.id, agreement] as const),
  );
  const offerByCode = new Map(offers.map((entry) => [entry.offer.code, entry] as const));

  /** The offer if the partner may nominate to it for `term` today, or why not. */
  const check = (code: string, term: string): { ok: true; entry: NominationOffer } | { ok: false; message: CsvText } => {
    const entry = offerByCode.get(code);
    const agreement = entry && agreements.get(entry.offer.agreementId);
    if (!entry || !agreement) return { ok: false, message: messages.notYours(code) };
    if (entry.offer.term !== term) return { ok: false, message: messages.otherTerm(code, entry.offer.term) };
    const validity = validityProblem(agreement, code, today);
    return validity ? { ok: false, message: validity } : { ok: true, entry };
  };

  return drafts.map(({ row, nomination }) => {
    const problems: CsvImportProblem[] = [];
    const offer = check(nomination.offerCode, nomination.term);
    if (!offer.ok) problems.push({ field: 'offerCode', message: offer.message });
    else if (nomination.choices.length > 0 && !offer.entry.choicesAllowed)
      problems.push({ field: 'choices', message: messages.noChoices(nomination.offerCode) });
    const choices: { code: string; name: string }[] = [];
    for (const code of nomination.choices) {
      const choice = code === nomination.offerCode ? offer : check(code, nomination.term);
      if (choice.ok) choices.push({ code, name: choice.entry.offer.name });
      else if (code !== nomination.offerCode) problems.push({ field: 'choices', message: choice.message });
    }
    if (problems.length > 0 || !offer.ok || !partner) return { row, ok: false, problems };
    return { row, ok: true, offer: offer.entry.offer, partner: { id: partner.id, name: partner.name }, choices };
  });
}

/** checkCsvNominations against the offers stored for the nominator's partner. */
export async function checkCsvNominationsForPartner(
  sql: Sql,
  drafts: readonly NominationCsvDraft[],
  scope: NominatorScope,
  today: string,
): Promise<CsvImportRow[]> {
  const offers = await storedOffers(sql, { partnerId: scope.partnerId });
  return checkCsvNominations(sql, drafts, scope, offers.map(nominationOfferOf), today);
}

function validityProblem(agreement: OrgUnit, code: string, today: string): CsvText | undefined {
  const { validFrom, validTo } = agreement.attributes;
  if (validFrom && today < validFrom) return messages.notYetValid(code, validFrom);
  if (validTo && today > validTo) return messages.ended(code, validTo);
  return undefined;
}
