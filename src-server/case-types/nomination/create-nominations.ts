import { createHash } from 'node:crypto';
import type { Actor } from '../../../src-shared/domain/access/roles';
import { checkCaseChange } from '../../../src-shared/domain/case/case-change';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { nextDeadlineOf } from '../../../src-shared/domain/case/deadline';
import { isValidNationalId } from '../../../src-shared/domain/national-id';
import { admissionRoute } from '../../../src-shared/domain/nomination/admission-mode';
import type { EducationOffer } from '../../../src-shared/domain/nomination/education-offer';
import { admissionSetupSchema, type NominationDetails } from '../../../src-shared/domain/nomination/nomination.schema';
import { organisationIndex } from '../../../src-shared/domain/organisation/organisation-index';
import { personSchema, type Person } from '../../../src-shared/domain/person/person.schema';
import { summarizeZodError } from '../../../src-shared/kernel/app-error';
import { deadline } from '../../../src-shared/domain/workflow/step-helpers';
import { appendAudit } from '../../audit/audit-log';
import type { Database, Sql } from '../../db/database';
import { storedOrganisation } from '../../organisation/org-store';
import { invitedApplication, inviteApplicant } from '../../portal/applicant/applicant-invitation';
import { writeBatch } from '../../sync/import-documents';
import { defaultSyncCollections } from '../../sync/sync-collections';
import { storedOffers } from './offer-store';

/**
 * The one way a nomination becomes a case (issue 11, "four ways in, one result"): the portal's
 * form, a CSV upload, EWP and staff registering on behalf of a partner all end here. Each draft
 * becomes a `nominated` case under the named offer's admission set-up, with its applicant in the
 * people register; the workflow's creation rule (checkCaseChange) decides whether the actor may
 * create it. All or nothing, and idempotent: ids derive from the draft's stable key, so the same
 * draft again finds its case and creates nothing. Each applicant with an e-mail address is invited
 * to the portal once per batch, for all their new cases (applicant-invitation.ts).
 */

/** One checked nomination, whatever way it came in. */
export interface NominationToCreate {
  /** Stable key of the nomination (CSV: partner + e-mail + offer; EWP: sending HEI + omobility id). */
  key: string;
  /** Stable key of the applicant within the partner (the same person nominated to several offers). */
  personKey: string;
  offerCode: string;
  applicant: { givenName: string; familyName: string; email: string; nationalId?: string };
  /** What the nominator told about the applicant, and the offers proposed (best first), stored on the case. */
  nominated?: Pick<NominationDetails['nomination'], 'applicant' | 'choices'>;
}

/** Who nominates: a partner's nominator in their own name, or staff for the partner, with a reason. */
export type Nominator = { kind: 'nominator'; actor: Actor } | { kind: 'onBehalf'; actor: Actor; reason: string };

export interface CreateNominationsInput {
  drafts: readonly NominationToCreate[];
  partnerId: string;
  nominator: Nominator;
  channel: NominationDetails['nomination']['channel'];
  now: Date;
  /** The server's address as applicants reach it: their invitation e-mails link to its portal. */
  publicUrl: string;
  /** NOTIFY channel of the live streams, so laptops pull the new cases at once. */
  changesChannel?: string;
  /** What the way in records of its own in the same transaction, once the cases are written (EWP: the incoming status). */
  alsoRecord?: (tx: Sql) => Promise<void>;
}

export interface NominationProblem {
  key: string;
  message: string;
}

export type CreateNominationsResult =
  { ok: true; cases: { key: string; caseId: string; personId: string; created: boolean }[] } | { ok: false; problems: NominationProblem[] };

const collections = defaultSyncCollections();
const collection = (name: string) => collections.find((candidate) => candidate.name === name)!;

/** A 32-hex-digit id from the parts (the same parts always give the same id). */
export function stableId(...parts: string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

/** The id of the case a nomination becomes (the same partner and key always give the same case). */
export function nominationCaseId(partnerId: string, key: string): string {
  return stableId('nomination', partnerId, key);
}

export async function createNominations(db: Database, input: CreateNominationsInput): Promise<CreateNominationsResult> {
  return db.transaction(async (tx) => {
    // One partner's nominations are created one batch at a time, so the same upload twice at once creates each case once.
    await tx.query(`SELECT id FROM sync_documents WHERE collection = 'organisation' AND id = $1 FOR UPDATE`, [input.partnerId]);
    const planned = await plan(tx, input);
    if (!planned.ok) return planned;
    const ids = planned.entries.flatMap(({ c, person }) => [c.id, person.id]);
    const stored = new Set(
      (await tx.query<{ id: string }>(`SELECT id FROM sync_documents WHERE collection IN ('cases', 'people') AND id = ANY($1::text[])`, [ids])).map(
        (row) => row.id,
      ),
    );
    const newCases = planned.entries.filter(({ c }) => !stored.has(c.id));
    const newPeople = [...new Map(newCases.filter(({ person }) => !stored.has(person.id)).map(({ person }) => [person.id, person])).values()];
    const { actor } = input.nominator;
    const audit = { actorId: actor.userId, action: 'nomination-create', channel: input.changesChannel };
    if (newPeople.length > 0) await writeBatch(tx, collection('people'), newPeople as unknown as Record<string, unknown>[], audit);
    if (newCases.length > 0) {
      await writeBatch(tx, collection('cases'), newCases.map(({ c }) => c) as unknown as Record<string, unknown>[], audit);
      await appendAudit(
        tx,
        newCases.map(({ c }) => registeredEntry(c, input.nominator)),
        input.now,
      );
      await inviteApplicants(tx, newCases, input);
    }
    await input.alsoRecord?.(tx);
    return { ok: true, cases: planned.entries.map(({ key, c, person }) => ({ key, caseId: c.id, personId: person.id, created: !stored.has(c.id) })) };
  });
}

interface PlannedEntry {
  key: string;
  c: Case;
  person: Person;
  offer: EducationOffer;
}
type Planned = { ok: true; entries: PlannedEntry[] } | { ok: false; problems: NominationProblem[] };

/** One invitation e-mail per applicant (with an address) of the new cases, naming each of their new applications. */
async function inviteApplicants(tx: Sql, newCases: readonly PlannedEntry[], input: CreateNominationsInput): Promise<void> {
  const byPerson = new Map<string, PlannedEntry[]>();
  for (const entry of newCases) {
    if (entry.person.email.trim() !== '') byPerson.set(entry.person.id, [...(byPerson.get(entry.person.id) ?? []), entry]);
  }
  for (const entries of byPerson.values()) {
    const { person } = entries[0]!;
    const applications = entries.map(({ c, offer }) =>
      invitedApplication(c.details as NominationDetails, offer.name.en, offer.admission.deadlines.application),
    );
    await inviteApplicant(
      tx,
      { personId: person.id, email: person.email, givenName: person.givenName, applications },
      { publicUrl: input.publicUrl, createdBy: input.nominator.actor.userId, now: input.now },
    );
  }
}

/** The case and person of every draft, each case checked by the workflow's creation rule; every problem at once. */
async function plan(tx: Sql, input: CreateNominationsInput): Promise<Planned> {
  const { actor } = input.nominator;
  const partner = organisationIndex(await storedOrganisation(tx)).unit(input.partnerId);
  const offers = new Map((await storedOffers(tx, { partnerId: input.partnerId })).map((offer) => [offer.code, offer] as const));
  const problems: NominationProblem[] = [];
  const entries: PlannedEntry[] = [];
  for (const draft of input.drafts) {
    const offer = offers.get(draft.offerCode);
    const nationalId = draft.applicant.nationalId ?? '';
    // The same words for an unknown offer and another partner's: a nominator learns nothing of other partners.
    if (!partner || partner.kind !== 'partner' || !offer) problems.push({ key: draft.key, message: `The offer ${draft.offerCode} is not open to the partner` });
    else if (nationalId !== '' && !isValidNationalId(nationalId)) problems.push({ key: draft.key, message: 'The national ID is not valid' });
    else {
      const person = personOf(draft, input, offer.institution);
      const c = caseOf(draft, input, offer, { id: partner.id, name: partner.name }, person.id);
      const validPerson = personSchema.safeParse(person);
      const check = checkCaseChange({ before: null, after: c, actor });
      if (!validPerson.success) problems.push({ key: draft.key, message: `The applicant: ${summarizeZodError(validPerson.error)}` });
      else if (!check.ok) problems.push({ key: draft.key, message: check.message });
      else entries.push({ key: draft.key, c, person, offer });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, entries };
}

function personOf(draft: NominationToCreate, input: CreateNominationsInput, institution: string): Person {
  const { givenName, familyName, email, nationalId = '' } = draft.applicant;
  return {
    id: stableId('applicant', input.partnerId, draft.personKey),
    givenName,
    familyName,
    nationalId,
    email,
    institution,
    cohorts: [],
    updatedAt: input.now.toISOString(),
  };
}

function caseOf(
  draft: NominationToCreate,
  input: CreateNominationsInput,
  offer: EducationOffer,
  partner: NominationDetails['partner'],
  personId: string,
): Case {
  const { nominator } = input;
  const { actor } = nominator;
  const at = input.now.toISOString();
  const id = nominationCaseId(input.partnerId, draft.key);
  const admission = admissionSetupSchema.parse(offer.admission);
  const deadlines = [deadline('application', offer.admission.deadlines.application, 'Frist for å fullføre søknaden')];
  const told = { ...draft.nominated };
  const nomination: NominationDetails['nomination'] =
    nominator.kind === 'nominator'
      ? { nominatedAt: at, nominatedBy: actor.userId, nominatorName: actor.name, channel: input.channel, ...told }
      : {
          nominatedAt: at,
          // Registered for the partner: the partner is the nominator of record.
          nominatedBy: partner.id,
          nominatorName: partner.name,
          channel: input.channel,
          ...told,
          onBehalfOf: { registeredBy: actor.userId, registeredByName: actor.name, reason: nominator.reason },
        };
  const details: NominationDetails = {
    offer: { code: offer.code, name: offer.name.nb, kind: offer.kind, term: offer.term, agreementId: offer.agreementId },
    partner,
    admissionKind: admissionRoute(admission, { id }).admissionKind,
    admission,
    nomination,
  };
  return {
    id,
    type: 'nomination',
    caseNumber: `${at.slice(0, 4)}/N${id.slice(0, 8).toUpperCase()}`,
    title: `Nominasjon – ${draft.applicant.givenName} ${draft.applicant.familyName}, ${offer.name.nb}`.slice(0, 300),
    status: 'nominated',
    institution: offer.institution,
    department: offer.department,
    cohort: partner.id,
    subjectPersonId: personId,
    assignees: [],
    deadlines,
    nextDeadline: nextDeadlineOf(deadlines),
    details,
    createdAt: at,
    createdBy: actor.userId,
    updatedAt: at,
    updatedBy: actor.userId,
  };
}

/** The audit entry of a new case: who registered it, and for whom and why when on behalf ("registered by X on behalf of Y"). */
function registeredEntry(c: Case, nominator: Nominator) {
  const details = c.details as NominationDetails;
  const { actor } = nominator;
  const onBehalf = nominator.kind === 'onBehalf';
  return {
    actorId: actor.userId,
    onBehalfOf: onBehalf ? details.partner.id : null,
    action: 'nomination-registered',
    collection: 'cases',
    documentId: c.id,
    outcome: 'accepted' as const,
    reason: onBehalf ? nominator.reason : null,
    detail: {
      channel: details.nomination.channel,
      summary: onBehalf ? `Registered by ${actor.name} on behalf of ${details.partner.name}` : `Nominated by ${actor.name} for ${details.partner.name}`,
    },
  };
}
