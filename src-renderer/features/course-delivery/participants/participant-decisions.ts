import type { Participant, RegistrationSetup } from '../../../../src-shared/domain/course-delivery/participants';
import { decisionsProblem } from '../../../../src-shared/domain/course-delivery/participants';

export const decisionStatuses = ['admitted', 'waitlisted', 'rejected'] as const;
export type DecisionStatus = (typeof decisionStatuses)[number];

/** A participant the head may decide on: anyone who has not withdrawn. */
export const decidable = (participant: Participant): boolean => participant.status !== 'withdrawn';

/** The participants with the chosen ones given `status`, each decision stamped by the actor (an empty reason is left out). */
export function decide(
  participants: readonly Participant[],
  chosen: ReadonlySet<string>,
  status: DecisionStatus,
  decision: { at: string; by: string; reason?: string },
): Participant[] {
  const reason = decision.reason?.trim();
  return participants.map((p) =>
    chosen.has(p.id) && decidable(p) ? { ...p, status, decision: { at: decision.at, by: decision.by, ...(reason ? { reason } : {}) } } : p,
  );
}

export type DecisionRefusal = { code: 'noSetup' } | { code: 'overCapacity'; admitted: number; capacity: number } | { code: 'other'; message: string };

/** Why the server would refuse these decisions (decisionsProblem), in terms the panel words in the UI language; null when they hold. */
export function decisionRefusal(
  setup: RegistrationSetup | undefined,
  before: readonly Participant[],
  after: readonly Participant[],
  actorId: string,
): DecisionRefusal | null {
  if (!setup) return { code: 'noSetup' };
  const problem = decisionsProblem(setup, before, after, actorId);
  if (!problem) return null;
  const admitted = after.filter((p) => p.status === 'admitted').length;
  return admitted > setup.capacity ? { code: 'overCapacity', admitted, capacity: setup.capacity } : { code: 'other', message: problem };
}
