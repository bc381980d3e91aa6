import { isStaff, roleCanSee, type Actor, type Role } from '../../src-shared/domain/access';
import type { ApprovalEvent } from '../../src-shared/domain/approval';
import { workflowOf } from '../../src-shared/domain/case/case-workflows';
import type { Case } from '../../src-shared/domain/case/case.schema';
import type { CaseType } from '../../src-shared/domain/case/case-type';
import type { FollowUpDetails, FollowUpEvent } from '../../src-shared/domain/follow-up';
import { hasPath } from '../../src-shared/domain/workflow/workflow';
import type { Command } from '../../src-shared/domain/workflow/command.schema';
import type { LetterKind } from '../../src-shared/notifications/letter.schema';
import { LetterRefusal } from './letter-refusal';

/**
 * The step of a case type's workflow that issues a letter, and the detail where the case records
 * the letter's document by id (`{ documentId }`), when it does.
 */
export interface LetterStep<Event extends string = string, Detail extends string = string> {
  event: Event;
  recordedAt?: Detail;
}

/**
 * Each letter is issued by one step of its case type's workflow: the step's roles post it, and a
 * case whose details lack what the step ensures has not issued it yet. The follow-up records its
 * protocol and decision by document id (not the summons); the approval's one decision is the
 * case's decision document.
 */
export const letterSteps = {
  followUp: {
    summons: { event: 'summon' },
    protocol: { event: 'sendProtocol', recordedAt: 'protocol' },
    decision: { event: 'sendDecision', recordedAt: 'decision' },
  } satisfies Partial<Record<LetterKind, LetterStep<FollowUpEvent['type'], keyof FollowUpDetails>>>,
  approval: {
    decision: { event: 'decide' },
  } satisfies Partial<Record<LetterKind, LetterStep<ApprovalEvent['type']>>>,
} as const satisfies Partial<Record<CaseType, Partial<Record<LetterKind, LetterStep>>>>;

/** The case types that send letters, and the kinds each sends. */
export type LetterCaseType = keyof typeof letterSteps;
export type LetterKindOf<T extends LetterCaseType> = keyof (typeof letterSteps)[T] & LetterKind;

type LetterCase = Pick<Case, 'type' | 'caseNumber'>;

/** The step of the case's workflow that issues this letter; a case type without it is refused (422 letter-kind-mismatch). */
export function letterStep(c: LetterCase, kind: LetterKind): LetterStep {
  const steps: Partial<Record<LetterKind, LetterStep>> | undefined = Object.hasOwn(letterSteps, c.type) ? letterSteps[c.type as LetterCaseType] : undefined;
  const step = steps?.[kind];
  if (!step) throw new LetterRefusal('letter-kind-mismatch', `Case ${c.caseNumber} is a ${c.type} case, which sends no ${kind} letter.`);
  return step;
}

const stepsOf = (c: LetterCase, kind: LetterKind) => {
  const { event } = letterStep(c, kind);
  return workflowOf(c.type).statusChanges.filter((step) => step.event === event);
};

/** The roles that take the step issuing this letter on this case's type. */
export function letterRoles(c: LetterCase, kind: LetterKind): Role[] {
  return [...new Set(stepsOf(c, kind).flatMap((step) => step.roles))];
}

/** Staff who take the issuing step in a role in which they see the case. */
export function mayPostLetter(actor: Actor, c: Case, kind: LetterKind): boolean {
  return isStaff(actor) && letterRoles(c, kind).some((role) => roleCanSee(role, actor, c));
}

/**
 * Where the case stands for this letter: `reached` once the issuing step is taken (its details are
 * set) with this document on record where the case records one, `other-document` when another one is recorded.
 */
export function letterStepState(c: Case, kind: LetterKind, documentId: string): 'reached' | 'not-reached' | 'other-document' {
  const ensures = stepsOf(c, kind).flatMap((step) => step.ensures);
  if (!ensures.every((path) => hasPath(c.details, path))) return 'not-reached';
  const { recordedAt } = letterStep(c, kind);
  if (!recordedAt) return 'reached';
  const recorded = (c.details as Record<string, { documentId?: string } | undefined>)[recordedAt];
  return recorded?.documentId === documentId ? 'reached' : 'other-document';
}

/** The issuing step's `notify` command for this letter, derived from the case as it stands. */
export function letterCommand(c: Case, kind: LetterKind, actor: Actor): Extract<Command, { type: 'notify' }> {
  const { event } = letterStep(c, kind);
  const command = workflowOf(c.type)
    .commandsFromState(event, c, c, actor)
    .find((candidate) => candidate.type === 'notify' && candidate.letter === kind);
  if (!command || command.type !== 'notify') throw new Error(`The ${event} step of the ${c.type} workflow names no ${kind} letter`);
  return command;
}
