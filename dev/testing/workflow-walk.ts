import { roles } from '../../src-shared/domain/access/roles';
import type { Case } from '../../src-shared/domain/case/case.schema';
import { actorOf, caseFixtures, rankedNotReached, type Acting } from './fixtures';
import type { Command } from '../../src-shared/domain/workflow/command.schema';
import type { StatusChangeStep, Workflow, WorkflowCase, WorkflowEvent } from '../../src-shared/domain/workflow/workflow';

/**
 * Test support: the five workflows with the cases they start from and an event builder for each
 * of their events, and a breadth-first walk that takes every step from every status reached, by
 * every role and by the server (its server-only steps). Used by the tests that must hold for every transition there is.
 */
export type AnyWorkflow = Workflow<string, unknown, WorkflowEvent>;
type Builders = Record<string, (c: never) => WorkflowEvent>;

export interface WalkSubject {
  workflow: AnyWorkflow;
  starts: () => WorkflowCase<string, unknown>[];
  events: Builders;
}

const { followUp, nomination, approval, placement, courseDelivery } = caseFixtures;

export const walkSubjects: WalkSubject[] = [
  { workflow: followUp.workflow as unknown as AnyWorkflow, starts: () => [followUp.start()], events: followUp.events },
  {
    workflow: nomination.workflow as unknown as AnyWorkflow,
    // A screening round, and each pro forma mode.
    starts: () => (['screening', 'studyRightAtOnce', 'directOffer', 'ranked'] as const).map((setup) => nomination.start(setup)),
    // Ranked outside the places too, so "not reached" is possible.
    events: { ...nomination.events, rankNotReached: rankedNotReached },
  },
  { workflow: approval.workflow as unknown as AnyWorkflow, starts: () => [approval.start(), approval.start(false)], events: approval.events },
  { workflow: placement.workflow as unknown as AnyWorkflow, starts: () => [placement.start()], events: placement.events },
  {
    workflow: courseDelivery.workflow as unknown as AnyWorkflow,
    // With the plain edits the head of department makes along the way (applications handled, certificate text).
    starts: () => {
      const c = courseDelivery.start();
      const handled = {
        applications: { handledAt: c.updatedAt, admitted: 20, waitlisted: 2 },
        certificateText: { writtenAt: c.updatedAt, text: 'Bestått kurs.' },
      };
      return [{ ...c, details: { ...c.details, ...handled } }];
    },
    events: courseDelivery.events,
  },
];

export interface Successor {
  role: Acting;
  event: string;
  builder: string;
  after: WorkflowCase<string, unknown>;
  commands: Command[];
}

const everyone: readonly Acting[] = [...roles, 'system'];

/** Every (role or the server, event) that succeeds on the case, with its result. */
export function successors(subject: WalkSubject, c: WorkflowCase<string, unknown>): Successor[] {
  const found: Successor[] = [];
  for (const [builder, build] of Object.entries(subject.events)) {
    const event = (build as (c: unknown) => WorkflowEvent)(c);
    for (const role of everyone) {
      const result = subject.workflow.transition(c, event, actorOf(role));
      if (result.ok) found.push({ role, event: event.type, builder, after: result.state, commands: result.commands });
    }
  }
  return found;
}

export interface Transition {
  before: Case;
  after: Case;
  step: StatusChangeStep;
  role: Acting;
  commands: Command[];
}

/** Breadth first over the workflow: every status reached, every step from it by every role. */
export function everyTransition(subject: WalkSubject): Transition[] {
  const edges: Transition[] = [];
  // A state is known by its start, status and the event builder that reached it.
  const queue = subject.starts().map((c, start) => ({ c, key: `${start}:${c.status}` }));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const { c: before, key } = queue.shift()!;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const { role, event, builder, after, commands } of successors(subject, before)) {
      const step = subject.workflow.statusChanges.find((s) => s.event === event && s.from === before.status && s.to === after.status);
      if (step?.event !== event) throw new Error(`${subject.workflow.type}: ${event} is not the step from ${before.status} to ${after.status}`);
      edges.push({ before: before as Case, after: after as Case, step, role, commands });
      queue.push({ c: after, key: `${key.split(':')[0]}:${after.status}:${builder}` });
    }
  }
  return edges;
}

/** Status changes (and steps that keep the status) the walk never took (should be none). */
export function untakenStatusChanges(subject: WalkSubject, edges: readonly Transition[]): string[] {
  const key = (step: StatusChangeStep) => `${step.event}: ${step.from}→${step.to}`;
  const taken = new Set(edges.map(({ step }) => key(step)));
  return subject.workflow.statusChanges.map(key).filter((k) => !taken.has(k));
}
