import type { z } from 'zod';
import { summarizeZodError } from '../../kernel/app-error';
import { roleCanSee } from '../access/access';
import type { Actor, Role } from '../access/roles';
import type { Case } from '../case/case.schema';
import type { CaseType } from '../case/case-type';
import { nextDeadlineOf } from '../case/deadline';
import type { Command } from './command.schema';

/**
 * A small engine for the case workflows: each case type declares its statuses, who may create a
 * case in which status, and per event the status moves it allows and for which roles, plus a pure
 * `apply` that returns the new details and the commands to run. `transition` enforces it all.
 */

export const transitionReasons = ['invalid-event', 'unknown-event', 'illegal-transition', 'role-not-allowed', 'out-of-scope', 'precondition-failed'] as const;
export type TransitionReason = (typeof transitionReasons)[number];

export type Rejection = { ok: false; reason: TransitionReason; message: string };
export type TransitionResult<C> = { ok: true; state: C; commands: Command[] } | Rejection;

export interface Label {
  nb: string;
  en: string;
}

/** Every event carries the time it happened (from the acting user's clock). */
export interface WorkflowEvent {
  type: string;
  at: string;
}

export type Deadline = Case['deadlines'][number];

/** A case whose status and details are typed for its workflow. */
export type WorkflowCase<S extends string, D> = Omit<Case, 'status' | 'details'> & { status: S; details: D };

/** A rule whose `to` is its `from` keeps the status: a step the server sees as an edit of what it sets. */
export interface TransitionRule<S extends string> {
  from: readonly S[];
  to: S;
  /** Empty for a server-only step. */
  roles: readonly Role[];
}

export interface StepOutcome<D> {
  details: D;
  /** The open deadlines after the step (replaces the list); omitted keeps them. Terminal states clear them. */
  deadlines?: Deadline[];
  assignees?: string[];
  commands: Command[];
}

/** A refusal from `apply` or a precondition, reported as `precondition-failed`. */
export interface Refusal {
  refused: string;
}

export interface EventDefinition<S extends string, D, E extends WorkflowEvent> {
  label: Label;
  rules: readonly TransitionRule<S>[];
  /** Details paths (dot-separated) that must be set after the event; the server checks them on push. */
  ensures?: readonly string[];
  /**
   * Details paths the event writes (default: `ensures`). The server refuses a pushed step that
   * changes any other part of the details: a step may change only what it is about.
   */
  sets?: readonly string[];
  /** The step adds the acting user to the case's assignees (and changes them in no other way). */
  assignsActor?: boolean;
  /**
   * The server takes the step itself (it records what a job brought back) as `systemActor`; no
   * person may take it, and the server refuses a pushed case that took it. Its rules name no roles.
   */
  serverOnly?: boolean;
  /**
   * What the step makes on its case's own screen besides the event: a document (rendered, issued as
   * a letter or archived) or a signature. Such a step is never taken for many cases at once.
   */
  makes?: StepMakes;
  /** A condition on the case before the event, so the server can re-check it without the event. */
  precondition?(c: WorkflowCase<S, D>, actor: Actor): Refusal | null;
  /** A condition on the case after the event (re-checked by the server on the pushed case). */
  postcondition?(c: WorkflowCase<S, D>): Refusal | null;
  apply(c: WorkflowCase<S, D>, event: E, actor: Actor): StepOutcome<D> | Refusal;
  /**
   * Commands that follow from the case before and after the step and the actor alone (notices,
   * integration calls): the server, which never sees the event, derives the same ones when it
   * accepts the pushed step. `transition` returns them after `apply`'s.
   */
  commandsFromState?(before: WorkflowCase<S, D>, after: WorkflowCase<S, D>, actor: Actor): Command[];
}

export type StepMakes = 'document' | 'signature';

export interface InitialStatus<S extends string, D> {
  status: S;
  roles: readonly Role[];
  /** Details paths that must be set on creation. */
  ensures?: readonly string[];
  /** Details paths a later step writes that a new case may nevertheless carry (known before the case). */
  allows?: readonly string[];
  /** Further checks on the new case, e.g. that the record names its creator. */
  check?(c: WorkflowCase<S, D>, actor: Actor): Refusal | null;
}

export interface WorkflowDefinition<S extends string, D, E extends WorkflowEvent> {
  type: CaseType;
  statuses: readonly S[];
  terminal: readonly S[];
  initial: readonly InitialStatus<S, D>[];
  detailsSchema: z.ZodType<D>;
  eventSchema: z.ZodType<E>;
  /** Whether every case names the person it concerns (`subjectPersonId`). */
  requiresSubject: boolean;
  /** Rules for plain edits (no status change) beyond the access table's parts. */
  checkEdit?(before: WorkflowCase<S, D>, after: WorkflowCase<S, D>, actor: Actor): Refusal | null;
  /**
   * Commands the server derives from what changed in the details, whichever step or plain edit
   * changed it (a participant's decision e-mailed, an evaluation link posted): the server sees only
   * the stored and the pushed case, so a step that keeps the status names its commands here.
   */
  commandsFromChange?(before: WorkflowCase<S, D>, after: WorkflowCase<S, D>): Command[];
  /** Main path first: the first event leaving a status is its usual next step. */
  events: { [K in E['type']]: EventDefinition<S, D, Extract<E, { type: K }>> };
}

/**
 * The step behind a status change, as the server sees it (it does not receive the event). A step
 * with `from` equal to `to` keeps the status; several events may do that from the same status.
 */
export interface StatusChangeStep {
  from: string;
  to: string;
  event: string;
  roles: readonly Role[];
  ensures: readonly string[];
  /** Details paths the step may change. */
  sets: readonly string[];
  assignsActor: boolean;
  /** Taken by the server only (see `EventDefinition.serverOnly`). */
  serverOnly: boolean;
}

/** The untyped view of a workflow that code handling any case type uses. */
export interface CaseWorkflow {
  readonly type: CaseType;
  readonly statuses: readonly string[];
  readonly terminal: readonly string[];
  readonly initial: readonly InitialStatus<string, unknown>[];
  readonly detailsSchema: z.ZodType;
  readonly eventSchema: z.ZodType;
  readonly requiresSubject: boolean;
  /** The workflow's event types, main path first. */
  readonly eventTypes: readonly string[];
  /** What an event's step makes on its case's own screen (see `EventDefinition.makes`). */
  eventMakes(event: string): StepMakes | undefined;
  /** `transition` for code handling any case type: the event is parsed with the workflow's schema. */
  transitionCase(state: Case, event: WorkflowEvent, actor: Actor): TransitionResult<Case>;
  /** Every status change the workflow allows, and the steps that keep the status. */
  readonly statusChanges: readonly StatusChangeStep[];
  /** The event that moves a case from `from` to another status `to`, or undefined when no event does. */
  stepForStatusChange(from: string, to: string): StatusChangeStep | undefined;
  /** Re-checks an event's precondition against the case before it (null when it holds). */
  precondition(event: string, before: Case, actor: Actor): Refusal | null;
  /** Re-checks an event's postcondition against the case after it (null when it holds). */
  postcondition(event: string, after: Case): Refusal | null;
  /** Workflow-specific rules for a plain edit (null when it is fine). */
  checkEdit(before: Case, after: Case, actor: Actor): Refusal | null;
  /** The commands an event's step derives from the case before and after it (see `commandsFromState`). */
  commandsFromState(event: string, before: Case, after: Case, actor: Actor): Command[];
  /** The commands the server derives from what changed in the details (see `WorkflowDefinition.commandsFromChange`). */
  commandsFromChange(before: Case, after: Case): Command[];
  /** Events the actor may fire on the case now (for buttons and "who acts next"). */
  allowedEvents(c: Case, actor: Actor): string[];
  /** Roles that can move a case on from a status. */
  nextRoles(status: string): Role[];
  eventLabel(event: string): Label | undefined;
}

export interface Workflow<S extends string, D, E extends WorkflowEvent> extends CaseWorkflow {
  readonly statuses: readonly S[];
  readonly terminal: readonly S[];
  readonly initial: readonly InitialStatus<S, D>[];
  readonly detailsSchema: z.ZodType<D>;
  readonly eventSchema: z.ZodType<E>;
  /** Validates the event and the resulting details, enforces roles, scope and preconditions. */
  transition(state: WorkflowCase<S, D>, event: E, actor: Actor): TransitionResult<WorkflowCase<S, D>>;
  /**
   * Like `transition` for events built by trusted code (demo data, fixtures): same role, scope and
   * precondition checks, but no schema parsing, so long replays stay fast.
   */
  replay(state: WorkflowCase<S, D>, event: E, actor: Actor): TransitionResult<WorkflowCase<S, D>>;
}

const rejection = (reason: TransitionReason, message: string): Rejection => ({ ok: false, reason, message });

/** The server itself, taking a server-only step: no person and no role, so it can take no other step. */
export const systemActor: Actor = {
  userId: 'system',
  name: 'System',
  roles: [],
  scope: { institution: 'system', departments: [], cohorts: [], partners: [] },
};

export const isSystemActor = (actor: Actor): boolean => actor.userId === systemActor.userId && actor.roles.length === 0;

export function refuse(message: string): Refusal {
  return { refused: message };
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'refused' in value;
}

/** Whether a dot-separated path is set (not undefined, not an empty list). */
export function hasPath(details: unknown, path: string | readonly string[]): boolean {
  let node: unknown = details;
  for (const key of typeof path === 'string' ? path.split('.') : path) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== undefined && !(Array.isArray(node) && node.length === 0);
}

export function defineWorkflow<S extends string, D, E extends WorkflowEvent>(definition: WorkflowDefinition<S, D, E>): Workflow<S, D, E> {
  type Definition = EventDefinition<S, D, E>;
  const eventOf = (type: string): Definition | undefined =>
    Object.hasOwn(definition.events, type) ? (definition.events[type as E['type']] as unknown as Definition) : undefined;
  const eventTypes = Object.keys(definition.events);

  const terminal = new Set<string>(definition.terminal);
  /** Per event: its rules by the status they start from, and its ensured paths split once. */
  const rulesFrom = new Map<string, Map<string, TransitionRule<S>[]>>();
  const ensured = new Map<string, string[][]>();
  const steps = new Map<string, StatusChangeStep>();
  const keepingSteps: StatusChangeStep[] = [];
  for (const type of eventTypes) {
    const event = eventOf(type)!;
    const byStatus = new Map<string, TransitionRule<S>[]>();
    rulesFrom.set(type, byStatus);
    ensured.set(
      type,
      (event.ensures ?? []).map((path) => path.split('.')),
    );
    const targets = new Map<string, string>();
    for (const rule of event.rules) {
      for (const from of rule.from) {
        if ((targets.get(from) ?? rule.to) !== rule.to) {
          throw new Error(`${definition.type}: ${type} leads from ${from} to more than one status`);
        }
        targets.set(from, rule.to);
        byStatus.set(from, [...(byStatus.get(from) ?? []), rule]);
        const step = {
          from,
          to: rule.to,
          event: type,
          ensures: event.ensures ?? [],
          sets: event.sets ?? event.ensures ?? [],
          assignsActor: event.assignsActor === true,
          serverOnly: event.serverOnly === true,
        };
        if (from === rule.to) {
          const existing = keepingSteps.find((s) => s.event === type && s.from === from);
          if (existing) existing.roles = [...new Set([...existing.roles, ...rule.roles])];
          else keepingSteps.push({ ...step, roles: rule.roles });
          continue;
        }
        const key = `${from}→${rule.to}`;
        const existing = steps.get(key);
        if (existing && existing.event !== type) {
          throw new Error(`${definition.type}: ${key} is reached by both ${existing.event} and ${type}`);
        }
        steps.set(key, { ...step, roles: [...new Set([...(existing?.roles ?? []), ...rule.roles])] });
      }
    }
  }

  function run(state: WorkflowCase<S, D>, event: E, actor: Actor, validate: boolean): TransitionResult<WorkflowCase<S, D>> {
    if (validate) {
      const parsed = definition.eventSchema.safeParse(event);
      if (!parsed.success) return rejection('invalid-event', summarizeZodError(parsed.error));
      event = parsed.data;
    }
    const step = eventOf(event.type);
    if (!step) return rejection('unknown-event', `${definition.type} has no event "${event.type}"`);
    const fromHere = rulesFrom.get(event.type)?.get(state.status);
    if (!fromHere) {
      return rejection('illegal-transition', `"${event.type}" is not possible while the case is "${state.status}"`);
    }
    if ((step.serverOnly === true) !== isSystemActor(actor)) {
      return rejection('role-not-allowed', step.serverOnly ? `Only the server does "${event.type}"` : `The server does not do "${event.type}"`);
    }
    const rule = step.serverOnly ? fromHere[0] : fromHere.find((r) => r.roles.some((role) => actor.roles.includes(role)));
    if (!rule) {
      const allowed = [...new Set(fromHere.flatMap((r) => r.roles))].join(', ');
      return rejection('role-not-allowed', `Only ${allowed} may do "${event.type}" now`);
    }
    if (!step.serverOnly && !rule.roles.some((role) => roleCanSee(role, actor, state))) {
      return rejection('out-of-scope', `The case is outside ${actor.name}'s scope for "${event.type}"`);
    }
    const blocked = step.precondition?.(state, actor);
    if (blocked) return rejection('precondition-failed', blocked.refused);
    const outcome = step.apply(state, event, actor);
    if (isRefusal(outcome)) return rejection('precondition-failed', outcome.refused);

    if (validate) {
      const details = definition.detailsSchema.safeParse(outcome.details);
      if (!details.success) return rejection('invalid-event', summarizeZodError(details.error));
    }
    const missing = ensured.get(event.type)!.filter((keys) => !hasPath(outcome.details, keys));
    if (missing.length > 0) {
      return rejection('invalid-event', `"${event.type}" must set ${missing.map((keys) => keys.join('.')).join(', ')}`);
    }

    const deadlines = terminal.has(rule.to) ? [] : (outcome.deadlines ?? state.deadlines);
    const next: WorkflowCase<S, D> = {
      ...state,
      status: rule.to,
      details: outcome.details,
      deadlines,
      nextDeadline: nextDeadlineOf(deadlines),
      assignees: outcome.assignees ?? state.assignees,
      updatedAt: event.at,
      updatedBy: actor.userId,
    };
    const broken = step.postcondition?.(next);
    if (broken) return rejection('precondition-failed', broken.refused);
    // Every workflow's end (closed, withdrawn, …) closes the case's folder in the archive.
    const ends: Command[] = terminal.has(rule.to) && !terminal.has(state.status) ? [{ type: 'closeCaseFolder', caseId: state.id }] : [];
    return { ok: true, state: next, commands: [...outcome.commands, ...(step.commandsFromState?.(state, next, actor) ?? []), ...ends] };
  }

  return {
    type: definition.type,
    statuses: definition.statuses,
    terminal: definition.terminal,
    initial: definition.initial,
    detailsSchema: definition.detailsSchema,
    eventSchema: definition.eventSchema,
    requiresSubject: definition.requiresSubject,
    eventTypes,
    eventMakes: (event) => eventOf(event)?.makes,
    transitionCase: (state, event, actor) => run(state as unknown as WorkflowCase<S, D>, event as E, actor, true) as unknown as TransitionResult<Case>,
    statusChanges: [...steps.values(), ...keepingSteps],
    transition: (state, event, actor) => run(state, event, actor, true),
    replay: (state, event, actor) => run(state, event, actor, false),
    stepForStatusChange: (from, to) => steps.get(`${from}→${to}`),
    precondition(event, before, actor) {
      return eventOf(event)?.precondition?.(before as unknown as WorkflowCase<S, D>, actor) ?? null;
    },
    postcondition(event, after) {
      return eventOf(event)?.postcondition?.(after as unknown as WorkflowCase<S, D>) ?? null;
    },
    checkEdit(before, after, actor) {
      return definition.checkEdit?.(before as unknown as WorkflowCase<S, D>, after as unknown as WorkflowCase<S, D>, actor) ?? null;
    },
    commandsFromState(event, before, after, actor) {
      return eventOf(event)?.commandsFromState?.(before as unknown as WorkflowCase<S, D>, after as unknown as WorkflowCase<S, D>, actor) ?? [];
    },
    commandsFromChange(before, after) {
      return definition.commandsFromChange?.(before as unknown as WorkflowCase<S, D>, after as unknown as WorkflowCase<S, D>) ?? [];
    },
    allowedEvents(c, actor) {
      return eventTypes.filter((type) =>
        eventOf(type)!.rules.some(
          (rule) =>
            rule.from.includes(c.status as S) &&
            rule.roles.some((role) => roleCanSee(role, actor, c)) &&
            !eventOf(type)!.precondition?.(c as unknown as WorkflowCase<S, D>, actor),
        ),
      );
    },
    nextRoles(status) {
      const next = new Set<Role>();
      for (const type of eventTypes) {
        for (const rule of eventOf(type)!.rules) if (rule.from.includes(status as S)) rule.roles.forEach((r) => next.add(r));
      }
      return [...next];
    },
    eventLabel: (event) => eventOf(event)?.label,
  };
}
