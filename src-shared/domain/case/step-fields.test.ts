import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { JsonRecord } from '../../sync/json-value';
import { changedPaths } from '../../sync/three-way-merge';
import { canSeeCase, roleCanEdit } from '../access/access';
import { partAccess } from '../access/access-table';
import { roles, type Role } from '../access/roles';
import { actorFor } from '../../../dev/testing/fixtures';
import type { StatusChangeStep, WorkflowCase } from '../workflow/workflow';
import { everyTransition, successors, untakenStatusChanges, walkSubjects as subjects, type AnyWorkflow } from '../../../dev/testing/workflow-walk';
import type { Case } from './case.schema';
import { checkCaseChange, statusPaths } from './case-change';

/*
 * Property: a workflow step changes only what it declares (`sets`, and the actor in `assignees`
 * where it says so), and the server refuses the step's result pushed with anything else changed,
 * unless the access table lets one of the actor's roles edit that part. Every status of all five
 * workflows, every step from it, every role, every part.
 */

/** A schema-valid different value for a details key, taken from another state of the workflow, if any. */
function otherValue(states: readonly WorkflowCase<string, unknown>[], key: string, current: unknown): unknown {
  for (const state of states) {
    const value = (state.details as Record<string, unknown>)[key];
    if (value !== undefined && JSON.stringify(value) !== JSON.stringify(current)) return value;
  }
  return undefined;
}

/**
 * Checks one honest step (the last two states) and the same step pushed with one more part
 * changed. Returns how many tampered pushes it expected to be refused.
 */
function checkStep(
  workflow: AnyWorkflow,
  [before, after]: readonly [Case, Case],
  step: StatusChangeStep,
  role: Role,
  donors: readonly WorkflowCase<string, unknown>[],
): number {
  const actor = actorFor(role);
  const label = `${step.event} by ${role} from ${before.status}`;
  // What apply changed is declared.
  for (const path of changedPaths(before.details as JsonRecord, after.details as JsonRecord)) {
    expect(
      step.sets.some((set) => path === set || path.startsWith(`${set}.`)),
      `${step.event} changes details.${path}`,
    ).toBe(true);
  }
  if (JSON.stringify(before.assignees) !== JSON.stringify(after.assignees)) {
    expect(step.assignsActor, `${step.event} changes assignees`).toBe(true);
    expect(new Set(after.assignees)).toEqual(new Set([...before.assignees, actor.userId]));
  }
  // The server agrees with the client on the honest result…
  expect(checkCaseChange({ before, after, actor }), label).toEqual({ ok: true });

  // …and refuses it with any other part changed, unless one of the actor's roles may edit that part.
  const mayEdit = (part: string) => actor.roles.some((r) => roleCanEdit(r, actor, before) && partAccess(workflow.type, r, part) === 'w');
  // Offline, several steps may arrive as one push: what any path between the two statuses writes is not tampering
  // (nor, for a step that keeps the status, what the step itself writes, nor what a step that keeps
  // the status which the actor may take at a status on the way writes: it is checked as that step).
  const paths = before.status === after.status ? [] : statusPaths(workflow, before.status, after.status);
  const passed = new Set(paths.flatMap((path) => path.map((s) => s.from)));
  const keepingOnTheWay = workflow.statusChanges.filter(
    (s) => s.from === s.to && !s.serverOnly && passed.has(s.from) && s.roles.some((r) => actor.roles.includes(r)),
  );
  const written =
    before.status === after.status ? step.sets : [...paths.flatMap((path) => path.flatMap((s) => s.sets)), ...keepingOnTheWay.flatMap((s) => s.sets)];
  let refusals = 0;
  for (const key of Object.keys((workflow.detailsSchema as z.ZodObject).shape)) {
    if (written.some((set) => set === key || set.startsWith(`${key}.`)) || mayEdit(key)) continue;
    const value = otherValue(donors, key, after.details[key]);
    if (value === undefined) continue;
    refusals++;
    const tampered = { ...after, details: { ...after.details, [key]: value } };
    expect(checkCaseChange({ before, after: tampered, actor }).ok, `${label} with details.${key} changed`).toBe(false);
  }
  if (!mayEdit('case')) {
    refusals += 2;
    const retitled = { ...after, title: `${after.title} (endret)` };
    expect(checkCaseChange({ before, after: retitled, actor }).ok, `${label} with the title changed`).toBe(false);
    const reassigned = { ...after, assignees: [...after.assignees, 'someone-else'] };
    expect(checkCaseChange({ before, after: reassigned, actor }).ok, `${label} with someone else assigned`).toBe(false);
  }
  return refusals;
}

/**
 * A server-only step's result pushed from a laptop is refused, whoever pushes it; who sees the case
 * is told why. A role that edits the part by hand (the head's decisions on registrations) is refused
 * by the workflow's rules for that edit instead.
 */
function checkServerStep([before, after]: readonly [Case, Case], step: StatusChangeStep): number {
  expect(step.serverOnly, `${step.event} is taken by the server`).toBe(true);
  const keys = [...new Set(changedPaths(before.details as JsonRecord, after.details as JsonRecord).map((path) => path.split('.')[0]!))];
  let told = 0;
  for (const role of roles) {
    const actor = actorFor(role);
    const result = checkCaseChange({ before, after: { ...after, updatedBy: actor.userId }, actor });
    const label = `${step.event} from ${before.status} pushed by ${role}`;
    expect(result.ok, label).toBe(false);
    if (!canSeeCase(actor, before)) continue;
    if (keys.every((key) => partAccess(before.type, role, key) === 'w')) {
      expect(result, label).toMatchObject({ reason: 'precondition-failed' });
      continue;
    }
    told++;
    expect(result, label).toMatchObject({ reason: 'role-not-allowed', message: expect.stringMatching(/^Only the server does /) });
    expect(result.ok || result.message, label).toContain(`"${step.event}"`);
  }
  expect(told, `roles that see the case at ${before.status}`).toBeGreaterThan(0);
  return roles.length;
}

describe('workflow steps change only what they declare', () => {
  for (const subject of subjects) {
    it(`${subject.workflow.type}: every step, every role, every other part`, () => {
      const edges = everyTransition(subject);
      const donors = [...edges.map((edge) => edge.after), ...subject.starts()];
      let attacks = 0;
      for (const { before, after, step, role } of edges) {
        if (role === 'system') attacks += checkServerStep([before, after], step);
        else attacks += checkStep(subject.workflow, [before, after], step, role, donors);
      }
      expect(attacks).toBeGreaterThan(10);
      expect(untakenStatusChanges(subject, edges), 'status changes never reached').toEqual([]);
    });
  }
});

describe('a new case carries nothing a later step writes', () => {
  for (const subject of subjects) {
    it(`${subject.workflow.type}: creation with a step's field is refused`, () => {
      const donors = subject.starts().flatMap((start) => successors(subject, start).map((next) => next.after));
      let refusals = 0;
      for (const start of subject.starts()) {
        const entry = subject.workflow.initial.find((initial) => initial.status === start.status)!;
        const creator = actorFor(entry.roles[0]!);
        const created = { ...start, createdBy: creator.userId, updatedBy: creator.userId } as Case;
        expect(checkCaseChange({ before: null, after: created, actor: creator }), `${start.status} by ${entry.roles[0]}`).toEqual({ ok: true });
        const keys = new Set(subject.workflow.statusChanges.flatMap((step) => step.sets.map((path) => path.split('.')[0]!)));
        for (const key of keys) {
          if ([...(entry.ensures ?? []), ...(entry.allows ?? [])].includes(key)) continue;
          const value = otherValue([...donors, ...walkOn(subject, donors)], key, created.details[key]);
          if (value === undefined) continue;
          refusals++;
          const carrying = { ...created, details: { ...created.details, [key]: value } };
          expect(checkCaseChange({ before: null, after: carrying, actor: creator }).ok, `created with details.${key}`).toBe(false);
        }
      }
      expect(refusals).toBeGreaterThan(0);
    });
  }
});

/** The states a few steps further on, as donors of values later steps write. */
function walkOn(subject: (typeof subjects)[number], from: readonly WorkflowCase<string, unknown>[], depth = 6): WorkflowCase<string, unknown>[] {
  let frontier = [...from];
  const reached: WorkflowCase<string, unknown>[] = [];
  for (let i = 0; i < depth; i++) {
    frontier = frontier.flatMap((c) => successors(subject, c).map((next) => next.after)).slice(0, 40);
    reached.push(...frontier);
  }
  return reached;
}
