import type { EducationOffer } from '../../../src-shared/domain/nomination/education-offer';
import type { EwpCasesRegistered, EwpInboxItem, EwpMobilityKey } from '../../../src-shared/domain/nomination/nomination-staff.contract';
import { ewpCasesRefusedSchema } from '../../../src-shared/domain/nomination/nomination-staff.contract';

/**
 * The EWP inbox's choices: which offers the selected mobilities may go under (those of their one
 * partner: the server refuses another partner's mobilities), and each mobility's result after a
 * registration, from the server's answer or its refusal (all or nothing: a refusal names the
 * mobilities it is about, the others were not registered either).
 */

/** A mobility's key in maps and React lists. */
export const mobilityKeyOf = (mobility: EwpMobilityKey) => `${mobility.sendingHeiId}\n${mobility.omobilityId}`;

/** The offers of the selected mobilities' partner; none when they are of several partners or none is selected. */
export function offersForSelection(offers: readonly EducationOffer[], selected: readonly EwpInboxItem[]): EducationOffer[] {
  const partners = new Set(selected.map((item) => item.partner.id));
  if (partners.size !== 1) return [];
  const [partnerId] = partners;
  return offers.filter((offer) => offer.partnerId === partnerId).sort((a, b) => a.code.localeCompare(b.code));
}

export type MobilityResult = { kind: 'created' | 'existing'; caseId: string } | { kind: 'refused'; message: string } | { kind: 'notRegistered' };

/** Each asked mobility's result of a registration that the server accepted. */
export function registeredResults(answer: EwpCasesRegistered): Map<string, MobilityResult> {
  return new Map(answer.cases.map((c) => [mobilityKeyOf(c), { kind: c.created ? 'created' : 'existing', caseId: c.caseId }]));
}

/**
 * Each asked mobility's result of a refused registration (the 422's details): its own problem, or
 * not registered because others were refused. Undefined when the details are not a refusal's.
 */
export function refusedResults(asked: readonly EwpMobilityKey[], details: unknown): { results: Map<string, MobilityResult>; general: string[] } | undefined {
  const parsed = ewpCasesRefusedSchema.safeParse(details);
  if (!parsed.success) return undefined;
  const results = new Map<string, MobilityResult>(asked.map((mobility) => [mobilityKeyOf(mobility), { kind: 'notRegistered' }]));
  const general: string[] = [];
  for (const { sendingHeiId, omobilityId, message } of parsed.data.problems) {
    const key = sendingHeiId && omobilityId ? mobilityKeyOf({ sendingHeiId, omobilityId }) : undefined;
    if (key && results.has(key)) results.set(key, { kind: 'refused', message });
    else general.push(message);
  }
  return { results, general };
}
