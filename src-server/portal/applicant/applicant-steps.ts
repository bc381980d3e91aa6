import type { Actor } from '../../../src-shared/domain/access';
import { dateOf } from '../../../src-shared/domain/calendar/iso-date';
import type { ApplicantPersonalData } from '../../../src-shared/domain/nomination/nomination.schema';
import type { NominationEvent } from '../../../src-shared/domain/nomination/nomination.workflow';
import type { ApplicantUpload } from '../../../src-shared/portal/applicant.contract';
import type { ServerSteps } from '../../cases/server-steps';
import type { Database } from '../../db/database';
import { HttpError } from '../../http/http-error';
import { takePortalStep } from '../portal-step';
import { applicationDeadline, choiceOptions, offersOfCases, ownCase, takesDocuments, uploadKinds } from './applicant-reads';
import { storeUpload, uploadsOf } from './applicant-uploads';

/**
 * What an applicant does to their own application in the portal, each a workflow step taken on the
 * server as the applicant (steps.take): the workflow checks role, scope and state; the checks here
 * are the ones only the server's data can make (the offers the applicant may choose, deadlines,
 * documents uploaded).
 */
export interface ApplicantStepDeps {
  db: Database;
  steps: ServerSteps;
}

type Step = { actor: Actor; ref: string; now: Date };

/** Saves the personal data on the case (savePersonalData). */
export async function savePersonalData(deps: ApplicantStepDeps, input: Step & { personal: ApplicantPersonalData }): Promise<void> {
  const c = await ownCase(deps.db, input.actor, input.ref);
  await take(deps, c.id, { type: 'savePersonalData', at: input.now.toISOString(), personal: input.personal }, input.actor);
}

/**
 * Submits the application with the offers chosen, best first: with one choice allowed only the
 * case's own offer; else up to the admission's maxChoices of the partner's offers in the term
 * whose application deadline has not passed. Personal data must be saved first.
 */
export async function submitApplication(deps: ApplicantStepDeps, input: Step & { choices: readonly string[] }): Promise<void> {
  const c = await ownCase(deps.db, input.actor, input.ref);
  const offers = await offersOfCases(deps.db, [c]);
  const today = dateOf(input.now);
  const deadline = applicationDeadline(c, offers);
  if (deadline !== undefined && today > deadline) throw conflict(`The application deadline (${deadline}) has passed`);
  if (!c.details.personalData) throw conflict('Save your personal data before you submit');
  const own = offers.find((offer) => offer.partnerId === c.cohort && offer.code === c.details.offer.code);
  const maxChoices = own?.admission.maxChoices ?? 1;
  const options = maxChoices > 1 ? choiceOptions(c, offers, today) : [];
  const byCode = new Map([[c.details.offer.code, c.details.offer.name], ...options.map((offer) => [offer.code, offer.name.nb] as const)]);
  if (input.choices.length > maxChoices) throw HttpError.badRequest(`Choose at most ${maxChoices} offer${maxChoices === 1 ? '' : 's'}`);
  const unknown = input.choices.filter((code) => !byCode.has(code));
  if (unknown.length > 0) throw HttpError.badRequest(`These offers cannot be chosen: ${unknown.join(', ')}`);
  const choices = input.choices.map((code) => ({ code, name: byCode.get(code)! }));
  await take(deps, c.id, { type: 'submitApplication', at: input.now.toISOString(), choices }, input.actor);
}

/**
 * Stores an uploaded document of a kind the application asks for; when a case officer is waiting
 * for documentation and every requested kind now has a file, the documentation is received.
 */
export async function uploadDocument(
  deps: ApplicantStepDeps,
  input: Step & { kind: ApplicantUpload['kind']; fileName: string; content: Buffer },
): Promise<ApplicantUpload> {
  const c = await ownCase(deps.db, input.actor, input.ref);
  if (!takesDocuments(c)) throw conflict('The application takes no more documents');
  if (!uploadKinds(c).includes(input.kind)) throw HttpError.badRequest(`The application does not ask for ${input.kind}`);
  const upload = await storeUpload(deps.db, {
    actor: input.actor,
    caseId: c.id,
    kind: input.kind,
    fileName: input.fileName,
    content: input.content,
    now: input.now,
  });
  const requested = c.details.qualification?.items.map((item) => item.kind) ?? [];
  if (c.status === 'awaitingDocumentation') {
    const uploaded = new Set((await uploadsOf(deps.db, c.id)).map((u) => u.kind));
    if (requested.every((kind) => uploaded.has(kind))) await take(deps, c.id, { type: 'receiveDocumentation', at: input.now.toISOString() }, input.actor);
  }
  return upload;
}

/** Accepts or declines the offer made, before its answer deadline. */
export async function answerOffer(deps: ApplicantStepDeps, input: Step & { accept: boolean }): Promise<void> {
  const c = await ownCase(deps.db, input.actor, input.ref);
  const answerBy = c.details.offerMade?.answerBy;
  if (c.status === 'offered' && answerBy !== undefined && dateOf(input.now) > answerBy) throw conflict(`The answer deadline (${answerBy}) has passed`);
  await take(deps, c.id, { type: input.accept ? 'acceptOffer' : 'declineOffer', at: input.now.toISOString() }, input.actor);
}

/** Withdraws the application, with the applicant's reason. */
export async function withdrawApplication(deps: ApplicantStepDeps, input: Step & { reason: string }): Promise<void> {
  const c = await ownCase(deps.db, input.actor, input.ref);
  await take(deps, c.id, { type: 'withdraw', at: input.now.toISOString(), reason: input.reason }, input.actor);
}

async function take(deps: ApplicantStepDeps, caseId: string, event: NominationEvent, actor: Actor): Promise<void> {
  await takePortalStep<NominationEvent>(deps.steps, caseId, event, actor);
}

const conflict = (message: string) => new HttpError(409, 'conflict', 'conflict', message);
