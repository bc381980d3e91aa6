import { isStaff, roleCanSee, type Actor, type Role } from '../../src-shared/domain/access';
import type { Case } from '../../src-shared/domain/case/case.schema';
import { followUpWorkflow, type FollowUpDetails, type FollowUpEvent } from '../../src-shared/domain/follow-up';
import { hasPath } from '../../src-shared/domain/workflow/workflow';
import type { Command } from '../../src-shared/domain/workflow/command.schema';
import type { LetterKind } from '../../src-shared/notifications/letter.schema';

/**
 * Each letter is issued by one step of the follow-up workflow: the step's roles post it, and a case
 * whose details lack what the step sets has not issued it yet. The protocol and the decision are
 * recorded on the case by document id; the summons is not.
 */
const issuedBy: Record<LetterKind, { event: FollowUpEvent['type']; recordedAt?: 'protocol' | 'decision' }> = {
  summons: { event: 'summon' },
  protocol: { event: 'sendProtocol', recordedAt: 'protocol' },
  decision: { event: 'sendDecision', recordedAt: 'decision' },
};

const stepsOf = (kind: LetterKind) => followUpWorkflow.statusChanges.filter((step) => step.event === issuedBy[kind].event);

/** The roles that take the step issuing this letter. */
export function letterRoles(kind: LetterKind): Role[] {
  return [...new Set(stepsOf(kind).flatMap((step) => step.roles))];
}

/** Whether the case is of the workflow that issues letters (a follow-up case). */
export const issuesLetters = (c: Pick<Case, 'type'>): boolean => c.type === followUpWorkflow.type;

/** Staff who take the issuing step in a role in which they see the case. */
export function mayPostLetter(actor: Actor, c: Case, kind: LetterKind): boolean {
  return isStaff(actor) && letterRoles(kind).some((role) => roleCanSee(role, actor, c));
}

/**
 * Where the case stands for this letter: `reached` once the issuing step is taken (its details are
 * set) with this document on record, `other-document` when another one is recorded.
 */
export function letterStepState(c: Case, kind: LetterKind, documentId: string): 'reached' | 'not-reached' | 'other-document' {
  const ensures = stepsOf(kind).flatMap((step) => step.ensures);
  if (!ensures.every((path) => hasPath(c.details, path))) return 'not-reached';
  const { recordedAt } = issuedBy[kind];
  if (!recordedAt) return 'reached';
  return (c.details as FollowUpDetails)[recordedAt]?.documentId === documentId ? 'reached' : 'other-document';
}

/** The issuing step's `notify` command for this letter, derived from the case as it stands. */
export function letterCommand(c: Case, kind: LetterKind, actor: Actor): Extract<Command, { type: 'notify' }> {
  const command = followUpWorkflow
    .commandsFromState(issuedBy[kind].event, c, c, actor)
    .find((candidate) => candidate.type === 'notify' && candidate.letter === kind);
  if (!command || command.type !== 'notify') throw new Error(`The ${issuedBy[kind].event} step of the follow-up names no ${kind} letter`);
  return command;
}
