import { dateOf } from '../../calendar/iso-date';
import type { Participant, RegistrationInput, RegistrationSetup } from './participant.schema';

export type RegistrationRefusal = { code: 'closed' | 'missing-field' | 'already-registered'; message: string; field?: string };

/** Still open on `now` (the deadline day included). */
export const registrationOpen = (setup: RegistrationSetup, now: Date): boolean => dateOf(now) <= setup.deadline;

/** Places not yet taken by an admitted participant. */
export const placesLeft = (setup: RegistrationSetup, participants: readonly Participant[]): number =>
  setup.capacity - participants.filter((p) => p.status === 'admitted').length;

/**
 * Whether a registration is taken: before the deadline, with every field the course asks for, and
 * once per e-mail address (a second registration with the same address, not withdrawn, is refused
 * rather than doubled). A full course still takes registrations: the head decides, and may waitlist.
 */
export function registrationProblem(
  setup: RegistrationSetup,
  participants: readonly Participant[],
  input: RegistrationInput,
  now: Date,
): RegistrationRefusal | null {
  if (!registrationOpen(setup, now)) return { code: 'closed', message: `Registration closed on ${setup.deadline}` };
  const missing = setup.fields.find((field) => input[field] === undefined);
  if (missing) return { code: 'missing-field', field: missing, message: `The course asks for ${missing}` };
  const address = input.email.toLowerCase();
  if (participants.some((p) => p.email.toLowerCase() === address && p.status !== 'withdrawn')) {
    return { code: 'already-registered', message: 'This e-mail address is already registered for the course' };
  }
  return null;
}

/** The fields a participant's decision may change; everything they wrote stays as written. */
const decided = ['status', 'decision'] as const;

/**
 * Whether the department head's decisions from `before` to `after` hold: the same participants
 * (none added or removed in the app), only their status and decision changed, each decision
 * stamped by the actor, and no more admitted than the course has places.
 */
export function decisionsProblem(setup: RegistrationSetup, before: readonly Participant[], after: readonly Participant[], actorId: string): string | null {
  if (before.length !== after.length || before.some((p, i) => p.id !== after[i]!.id)) return 'Participants are added by their registration, never in the app';
  for (const [i, next] of after.entries()) {
    const was = before[i]!;
    const rest = (p: Participant) => JSON.stringify(Object.entries(p).filter(([key]) => !(decided as readonly string[]).includes(key)));
    if (rest(was) !== rest(next)) return `What ${was.name} registered cannot be changed`;
    if (was.status === next.status && JSON.stringify(was.decision) === JSON.stringify(next.decision)) continue;
    if (next.status === 'registered' || next.status === 'withdrawn') return `${was.name} can only be admitted, waitlisted or rejected`;
    if (next.decision?.by !== actorId) return 'A decision is made in your own name';
  }
  const admitted = after.filter((p) => p.status === 'admitted').length;
  return admitted > setup.capacity ? `${admitted} admitted, but the course has ${setup.capacity} places` : null;
}

/** The head's handling of the applications as the workflow records it (enrolment waits for it): counted from the decisions. */
export function applicationsHandled(participants: readonly Participant[], at: string): { handledAt: string; admitted: number; waitlisted: number } {
  const count = (status: Participant['status']) => participants.filter((p) => p.status === status).length;
  return { handledAt: at, admitted: count('admitted'), waitlisted: count('waitlisted') };
}
