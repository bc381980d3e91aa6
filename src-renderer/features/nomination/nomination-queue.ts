import { canSeeCase } from '../../../src-shared/domain/access/access';
import type { Actor } from '../../../src-shared/domain/access/roles';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { nominationDetailsSchema, nominationStatuses, type NominationDetails, type NominationStatus } from '../../../src-shared/domain/nomination';

/** A nomination case the user may see, with its details parsed. */
export interface Nomination {
  case: Case;
  details: NominationDetails;
  status: NominationStatus;
}

/** An admission: one offer (code and term) and how many of the user's applications it holds. */
export interface Admission {
  key: string;
  code: string;
  name: string;
  term: string;
  count: number;
}

/** The status filter: one status, or every status ('all'). */
export type StatusFilter = NominationStatus | 'all';

/**
 * The nomination cases the user may see, with details that parse (a case whose details do not is
 * left out: it cannot be processed here, the generic case page still shows it).
 */
export function nominationsOf(cases: readonly Case[], actor: Actor): Nomination[] {
  return cases.flatMap((c) => {
    if (c.type !== 'nomination' || !canSeeCase(actor, c)) return [];
    const details = nominationDetailsSchema.safeParse(c.details);
    const status = nominationStatuses.find((s) => s === c.status);
    return details.success && status ? [{ case: c, details: details.data, status }] : [];
  });
}

export const admissionKey = (details: NominationDetails) => `${details.offer.code}|${details.offer.term}`;

/** The admissions the applications belong to, by offer code then term. */
export function admissionsOf(nominations: readonly Nomination[]): Admission[] {
  const byKey = new Map<string, Admission>();
  for (const { details } of nominations) {
    const key = admissionKey(details);
    const admission = byKey.get(key) ?? { key, code: details.offer.code, name: details.offer.name, term: details.offer.term, count: 0 };
    byKey.set(key, { ...admission, count: admission.count + 1 });
  }
  return [...byKey.values()].sort((a, b) => a.code.localeCompare(b.code) || a.term.localeCompare(b.term));
}

/** How many of the admission's applications are in each status, in process order (statuses with none left out). */
export function statusCounts(nominations: readonly Nomination[]): { status: NominationStatus; count: number }[] {
  const counts = new Map<NominationStatus, number>();
  for (const { status } of nominations) counts.set(status, (counts.get(status) ?? 0) + 1);
  return nominationStatuses.filter((status) => counts.has(status)).map((status) => ({ status, count: counts.get(status)! }));
}

/** The admission's applications in the status filter, by case number. */
export function applicationsToProcess(nominations: readonly Nomination[], admission: string, status: StatusFilter): Nomination[] {
  return nominations
    .filter((n) => admissionKey(n.details) === admission && (status === 'all' || n.status === status))
    .sort((a, b) => a.case.caseNumber.localeCompare(b.case.caseNumber));
}
