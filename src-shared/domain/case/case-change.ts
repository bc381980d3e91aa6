import { summarizeZodError } from '../../kernel/app-error';
import { canSeeCase, roleCanCreate, roleCanEdit, roleCanSee } from '../access/access';
import { canWritePart, ownerField, partAccess, type Access } from '../access/access-table';
import { roles, type Actor, type Role } from '../access/roles';
import { changedPaths } from '../../sync/three-way-merge';
import { jsonEqual, type JsonRecord } from '../../sync/json-value';
import { hasPath, type CaseWorkflow, type StatusChangeStep } from '../workflow/workflow';
import { caseSchema, type Case } from './case.schema';
import { caseWorkflows } from './case-workflows';
import { nextDeadlineOf } from './deadline';

export const caseChangeReasons = [
  'invalid-case',
  'unknown-status',
  'invalid-details',
  'missing-subject',
  'inconsistent-next-deadline',
  'updated-by-mismatch',
  'created-by-mismatch',
  'illegal-initial-status',
  'immutable-field',
  'forbidden',
  'illegal-transition',
  'role-not-allowed',
  'precondition-failed',
  'missing-details',
  'case-closed',
  'forbidden-edit',
  'locked-field',
] as const;
export type CaseChangeReason = (typeof caseChangeReasons)[number];
export type CaseChangeResult = { ok: true } | { ok: false; reason: CaseChangeReason; message: string };

export interface CaseChange {
  /** The server's current state of the case; null when the change creates it. */
  before: Case | null;
  after: Case;
  actor: Actor;
}

const OK: CaseChangeResult = { ok: true };
const deny = (reason: CaseChangeReason, message: string): CaseChangeResult => ({ ok: false, reason, message });

/** Fields fixed when a case is created. */
const IMMUTABLE = ['id', 'type', 'caseNumber', 'institution', 'createdAt', 'createdBy'] as const;
/** Fields set by whoever writes the change, not edits in themselves. */
const BOOKKEEPING = new Set(['updatedAt', 'updatedBy', 'nextDeadline']);

/**
 * Whether `actor` may turn `before` into `after`. The server runs this on every pushed case
 * (it sees only the states, not the events): a status change must be a legal workflow path for
 * the actor's roles — offline, several steps may reach the server as one push — with each step's
 * required details present; other edits need edit rights and leave transition-owned fields alone;
 * a new case must start in an initial status its creator may create.
 */
export function checkCaseChange({ before, after: pushed, actor }: CaseChange): CaseChangeResult {
  const parsed = caseSchema.safeParse(pushed);
  if (!parsed.success) return deny('invalid-case', summarizeZodError(parsed.error));
  const after = parsed.data;
  const workflow = caseWorkflows[after.type];
  if (!workflow.statuses.includes(after.status)) {
    return deny('unknown-status', `"${after.status}" is not a status of ${after.type} cases`);
  }
  const details = workflow.detailsSchema.safeParse(after.details);
  if (!details.success) return deny('invalid-details', summarizeZodError(details.error));
  // The schemas strip what they do not know; a case is stored only as its schema describes it.
  const unknown = changedPaths(details.data as JsonRecord, after.details as JsonRecord);
  if (unknown.length > 0) return deny('invalid-details', `Unknown fields in details: ${describePaths(unknown)}`);
  if (workflow.requiresSubject && after.subjectPersonId === '') {
    return deny('missing-subject', `A ${after.type} case must name the person it concerns`);
  }
  if (after.nextDeadline !== nextDeadlineOf(after.deadlines)) {
    return deny('inconsistent-next-deadline', `nextDeadline must be ${nextDeadlineOf(after.deadlines)}`);
  }
  if (after.updatedBy !== actor.userId) return deny('updated-by-mismatch', 'updatedBy must be the user making the change');
  if (before === null) return checkCreation(workflow, after, actor);

  for (const field of IMMUTABLE) {
    if (before[field] !== after[field]) return deny('immutable-field', `${field} cannot change`);
  }
  if (!canSeeCase(actor, before)) return deny('forbidden', 'The case is outside your access');
  const changed = changedFields(before, after);
  if (changed.length === 0) return OK;
  return before.status === after.status ? checkEdit(workflow, before, after, actor, changed) : checkStatusChange(workflow, before, after, actor);
}

function checkCreation(workflow: CaseWorkflow, after: Case, actor: Actor): CaseChangeResult {
  const entries = workflow.initial.filter((entry) => entry.status === after.status);
  if (entries.length === 0) {
    const stepped = steppedCreation(workflow, after, actor);
    if ('created' in stepped) return OK;
    const allowed = [...new Set(workflow.initial.map((entry) => entry.status))].join(', ');
    const because = stepped.refusal ? ` (${stepped.refusal.message})` : '';
    return deny('illegal-initial-status', `A new ${after.type} case starts as ${allowed}, not "${after.status}"${because}`);
  }
  if (after.createdBy !== actor.userId) return deny('created-by-mismatch', 'createdBy must be the user creating the case');
  const mine = entries.filter((entry) => entry.roles.some((role) => actor.roles.includes(role)));
  if (mine.length === 0) {
    const roles = [...new Set(entries.flatMap((entry) => entry.roles))].join(', ');
    return deny('role-not-allowed', `Only ${roles} may create a ${after.type} case as "${after.status}"`);
  }
  const inScope = mine.filter((entry) => entry.roles.some((role) => roleCanCreate(role, actor, after)));
  if (inScope.length === 0) return deny('forbidden', `You may not create ${after.type} cases in this scope`);
  let failure: CaseChangeResult = OK;
  for (const entry of inScope) {
    const missing = (entry.ensures ?? []).filter((path) => !hasPath(after.details, path));
    const stepOwned = stepOwnedPaths(workflow, [...(entry.ensures ?? []), ...(entry.allows ?? [])]).filter((path) => hasPath(after.details, path));
    const refusal = entry.check?.(after, actor);
    if (missing.length === 0 && stepOwned.length === 0 && !refusal) return OK;
    if (failure.ok) {
      failure =
        missing.length > 0
          ? deny('missing-details', `A new case must have ${missing.join(', ')}`)
          : stepOwned.length > 0
            ? deny('locked-field', `A new case cannot have ${stepOwned.map((path) => `details.${path}`).join(', ')}: a later step writes it`)
            : deny('precondition-failed', refusal!.refused);
    }
  }
  return failure;
}

/**
 * A case created and then stepped on before it reached the server (an order drafted and sent at
 * once, or offline) arrives as one new case in a later status. It is accepted as the creation of a
 * case in an initial status followed by steps the actor may take: the created state is the pushed
 * one at that initial status without what steps write (an empty list stays: a new case may have it); both the creation and the steps are checked
 * as if pushed one by one. `created` is what the server then takes as the state before the steps.
 */
function steppedCreation(workflow: CaseWorkflow, after: Case, actor: Actor): { created: Case } | { refusal?: Extract<CaseChangeResult, { ok: false }> } {
  let refusal: Extract<CaseChangeResult, { ok: false }> | undefined;
  for (const entry of workflow.initial) {
    if (statusPaths(workflow, entry.status, after.status).length === 0) continue;
    const ensured = entry.ensures ?? [];
    const written = [...stepOwnedPaths(workflow, [...ensured, ...(entry.allows ?? [])]), ...workflow.statusChanges.flatMap((step) => step.sets)];
    const created: Case = {
      ...after,
      status: entry.status,
      details: withoutPaths(
        after.details,
        written.filter((path) => !ensured.includes(path) && hasPath(after.details, path)),
      ),
    };
    const creation = checkCreation(workflow, created, actor);
    const found = creation.ok ? statusChangePath(workflow, created, after, actor) : creation;
    if ('path' in found) return { created };
    refusal ??= found;
  }
  return { refusal };
}

/** The state a new case pushed in a later status was created in, when it is a stepped creation the actor may make; null otherwise. */
export function createdStateOf(after: Case, actor: Actor): Case | null {
  const workflow = caseWorkflows[after.type];
  if (workflow.initial.some((entry) => entry.status === after.status)) return null;
  const stepped = steppedCreation(workflow, after, actor);
  return 'created' in stepped ? stepped.created : null;
}

/** `details` without the given dotted paths (a copy; the original is left alone). */
function withoutPaths(details: Record<string, unknown>, paths: readonly string[]): Record<string, unknown> {
  const copy = structuredClone(details);
  for (const path of paths) {
    const keys = path.split('.');
    let node: unknown = copy;
    for (const key of keys.slice(0, -1)) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    if (node !== null && typeof node === 'object') delete (node as Record<string, unknown>)[keys.at(-1)!];
  }
  return copy;
}

/** What the workflow's steps write, less what the new case itself must have: a new case carries none of it. */
function stepOwnedPaths(workflow: CaseWorkflow, ensured: readonly string[]): string[] {
  const written = new Set(workflow.statusChanges.flatMap((step) => step.sets));
  return [...written].filter((path) => !ensured.some((own) => path === own || path.startsWith(`${own}.`)));
}

function checkStatusChange(workflow: CaseWorkflow, before: Case, after: Case, actor: Actor): CaseChangeResult {
  const found = statusChangePath(workflow, before, after, actor);
  return 'path' in found ? OK : found;
}

/** The steps by which the actor took the case from `before` to `after`: the first path every check passes. */
export function statusChangePath(
  workflow: CaseWorkflow,
  before: Case,
  after: Case,
  actor: Actor,
): { path: StatusChangeStep[] } | Extract<CaseChangeResult, { ok: false }> {
  const paths = statusPaths(workflow, before.status, after.status);
  if (paths.length === 0) {
    return { ok: false, reason: 'illegal-transition', message: `A ${after.type} case cannot go from "${before.status}" to "${after.status}"` };
  }
  let failure: Extract<CaseChangeResult, { ok: false }> | undefined;
  for (const path of paths) {
    const result = checkPath(workflow, path, before, after, actor);
    if (result.ok) return { path };
    failure ??= result;
  }
  return failure!;
}

function checkPath(workflow: CaseWorkflow, statusSteps: readonly StatusChangeStep[], before: Case, after: Case, actor: Actor): CaseChangeResult {
  // Offline, steps that keep the status (recording a ranking) may have been taken on the way too.
  const keeping = keepingStepsOnPath(workflow, statusSteps, before, after, actor);
  const path = [...keeping, ...statusSteps];
  for (const step of path) {
    if (step.serverOnly) return deny('role-not-allowed', serverOnlyMessage([step]));
    const roles = step.roles.filter((role) => actor.roles.includes(role));
    if (roles.length === 0) {
      return deny('role-not-allowed', `Only ${step.roles.join(', ')} may do "${step.event}" (${step.from} → ${step.to})`);
    }
    const atStep = { ...before, status: step.from };
    if (!roles.some((role) => roleCanSee(role, actor, atStep))) {
      return deny('forbidden', `The case is outside your scope for "${step.event}"`);
    }
  }
  // A step that keeps the status at the first status, and the first status change when no such
  // step came before it, start from the known state; the others from states the server never saw,
  // approximated by the pushed state at that step's status.
  const startsKnown = (step: StatusChangeStep) =>
    step.from === before.status && (step.from === step.to || statusSteps[0] !== step || !keeping.some((k) => k.from === step.from));
  for (const step of path) {
    const blocked = workflow.precondition(step.event, startsKnown(step) ? before : { ...after, status: step.from }, actor);
    if (blocked) return deny('precondition-failed', blocked.refused);
  }
  for (const step of path) {
    const missing = step.ensures.filter((field) => !hasPath(after.details, field));
    if (missing.length > 0) return deny('missing-details', `"${step.event}" must set ${missing.join(', ')}`);
    const broken = workflow.postcondition(step.event, after);
    if (broken) return deny('precondition-failed', broken.refused);
  }
  // A step changes only what it is about; anything else must be a plain edit the actor may make.
  const outside = changedPathsOutside(path, before, after, actor);
  if (outside.length > 0) {
    const fields = [...new Set(outside.map((p) => (p.startsWith('details.') ? 'details' : p)))];
    const keys = [...new Set(outside.filter((p) => p.startsWith('details.')).map((p) => p.split('.')[1]!))];
    const locked = lockedKeys(workflow, keys);
    if (locked.length > 0) return deny('locked-field', `${describePaths(outside)} change only through the workflow step that writes them`);
    if (!mayEditFields(workflow, before, after, actor, fields, keys)) {
      return deny('forbidden-edit', `"${path.map((step) => step.event).join('", "')}" may not change ${describePaths(outside)}`);
    }
  }
  if (workflow.terminal.includes(after.status) && after.deadlines.length > 0) {
    return deny('precondition-failed', `A ${after.status} case has no open deadlines`);
  }
  return OK;
}

/**
 * The steps that keep the status which the actor may have taken along a status change made
 * offline: at a status the change passed through, taken by a role of the actor, and writing
 * something the status change's own steps do not. They are checked like the others.
 */
function keepingStepsOnPath(workflow: CaseWorkflow, path: readonly StatusChangeStep[], before: Case, after: Case, actor: Actor): StatusChangeStep[] {
  if (path.some((step) => step.from === step.to)) return [];
  const covers = (step: StatusChangeStep, p: string) => step.sets.some((set) => p === set || p.startsWith(`${set}.`));
  const unexplained = changedPaths(before.details as JsonRecord, after.details as JsonRecord).filter((p) => !path.some((step) => covers(step, p)));
  const passed = new Set(path.map((step) => step.from));
  return workflow.statusChanges.filter(
    (step) =>
      step.from === step.to &&
      !step.serverOnly &&
      passed.has(step.from) &&
      step.roles.some((role) => actor.roles.includes(role)) &&
      unexplained.some((p) => covers(step, p)),
  );
}

/**
 * What a status change changed beyond what its steps declare: details paths outside every step's
 * `sets`, and case fields other than the status, deadlines and bookkeeping (assignees only where a
 * step adds the actor and nothing else changed in them).
 */
function changedPathsOutside(path: readonly StatusChangeStep[], before: Case, after: Case, actor: Actor): string[] {
  const sets = path.flatMap((step) => step.sets);
  const covered = (p: string) => sets.some((set) => p === set || p.startsWith(`${set}.`));
  const details = changedPaths(before.details as JsonRecord, after.details as JsonRecord)
    .filter((p) => !covered(p))
    .map((p) => `details.${p}`);
  const addsActor = path.some((step) => step.assignsActor) && sameSet(after.assignees, [...before.assignees, actor.userId]);
  const fields = changedFields(before, after).filter((field) => !STEP_FIELDS.has(field) && !BOOKKEEPING.has(field) && !(field === 'assignees' && addsActor));
  return [...fields, ...details];
}

const serverOnlyMessage = (steps: readonly StatusChangeStep[]) =>
  `Only the server does ${[...new Set(steps.map((step) => `"${step.event}"`))].join(' or ')}; it cannot come from a laptop`;

/** Case fields every step writes itself. */
const STEP_FIELDS = new Set(['status', 'details', 'deadlines']);

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((item) => right.has(item));
}

function describePaths(paths: readonly string[]): string {
  return paths.slice(0, 5).join(', ') + (paths.length > 5 ? ` (+${paths.length - 5})` : '');
}

/** Status paths from one status to another without repeating a status, shortest first. */
export function statusPaths(workflow: CaseWorkflow, from: string, to: string): StatusChangeStep[][] {
  const found: StatusChangeStep[][] = [];
  let frontier: { at: string; path: StatusChangeStep[] }[] = [{ at: from, path: [] }];
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { at, path } of frontier) {
      for (const step of workflow.statusChanges) {
        if (step.from !== at || step.to === at || step.to === from || path.some((s) => s.from === step.to)) continue;
        if (step.to === to) found.push([...path, step]);
        else if (!workflow.terminal.includes(step.to)) next.push({ at: step.to, path: [...path, step] });
      }
    }
    frontier = next;
  }
  return found;
}

function checkEdit(workflow: CaseWorkflow, before: Case, after: Case, actor: Actor, changed: readonly string[]): CaseChangeResult {
  if (workflow.terminal.includes(before.status)) return deny('case-closed', `The case is ${before.status} and read-only`);
  const keeping = checkKeepingStep(workflow, before, after, actor);
  if (keeping) return keeping;
  const keys = changed.includes('details') ? changedDetailKeys(before, after) : [];
  const locked = lockedKeys(workflow, keys);
  if (locked.length > 0) {
    return deny('locked-field', `${locked.map((key) => `details.${key}`).join(', ')} change only through the workflow`);
  }
  if (!mayEditFields(workflow, before, after, actor, changed, keys)) {
    return deny('forbidden-edit', `You may not change ${describe(changed, before, after)} on this case`);
  }
  const refusal = workflow.checkEdit(before, after, actor);
  return refusal ? deny('precondition-failed', refusal.refused) : OK;
}

/**
 * A change that keeps the status may be a step that keeps it (accepting fetched results): OK when
 * one the actor may take passes every check of a step; refused when only a server-only step
 * writes what changed; null when no such step is about it (then it is a plain edit).
 */
function checkKeepingStep(workflow: CaseWorkflow, before: Case, after: Case, actor: Actor): CaseChangeResult | null {
  const changed = changedPaths(before.details as JsonRecord, after.details as JsonRecord);
  const covering = workflow.statusChanges.filter(
    (step) =>
      step.from === before.status &&
      step.to === before.status &&
      changed.length > 0 &&
      changed.every((path) => step.sets.some((set) => path === set || path.startsWith(`${set}.`))),
  );
  const mine = covering.filter((step) => !step.serverOnly);
  if (mine.some((step) => checkPath(workflow, [step], before, after, actor).ok)) return OK;
  if (mine.length > 0) return checkPath(workflow, [mine[0]!], before, after, actor);
  if (covering.length === 0) return null;
  // What a server-only step writes may also be a part the actor edits by hand (the head's decisions
  // on registrations): then it is a plain edit, with its own rules.
  return mayEditFields(workflow, before, after, actor, ['details'], changedDetailKeys(before, after))
    ? null
    : deny('role-not-allowed', serverOnlyMessage(covering));
}

/** Details keys no role may change by a plain edit: only workflow steps write them. */
function lockedKeys(workflow: CaseWorkflow, keys: readonly string[]): string[] {
  return keys.filter((key) => !roles.some((role) => canWritePart(partAccess(workflow.type, role, key))));
}

/**
 * Some role of the actor may edit the case, may write every changed part of it (the access
 * table), and keeps the case within its own edit rights.
 */
function mayEditFields(workflow: CaseWorkflow, before: Case, after: Case, actor: Actor, changed: readonly string[], detailKeys: readonly string[]): boolean {
  const caseFields = changed.filter((field) => field !== 'details' && !BOOKKEEPING.has(field));
  const afterAtSameStatus = { ...after, status: before.status };
  return actor.roles.some((role: Role) => {
    if (!roleCanEdit(role, actor, before) || !roleCanEdit(role, actor, afterAtSameStatus)) return false;
    if (caseFields.length > 0 && partAccess(workflow.type, role, 'case') !== 'w') return false;
    return detailKeys.every((key) => mayWritePart(partAccess(workflow.type, role, key), key, detail(before, key), detail(after, key), actor));
  });
}

/** 'w' writes the whole part; 'o' only adds, changes or removes entries the actor owns. */
function mayWritePart(access: Access, key: string, before: unknown, after: unknown, actor: Actor): boolean {
  if (access === 'w') return true;
  if (access !== 'o') return false;
  const owner = ownerField[key];
  if (!owner || !Array.isArray(before ?? []) || !Array.isArray(after ?? [])) return false;
  const was = (before ?? []) as unknown[];
  const now = (after ?? []) as unknown[];
  const touched = [...was.filter((entry) => !now.some((e) => jsonEqual(e, entry))), ...now.filter((entry) => !was.some((e) => jsonEqual(e, entry)))];
  return touched.every((entry) => typeof entry === 'object' && entry !== null && (entry as Record<string, unknown>)[owner] === actor.userId);
}

function describe(changed: readonly string[], before: Case, after: Case): string {
  return changed
    .filter((field) => !BOOKKEEPING.has(field))
    .flatMap((field) => (field === 'details' ? changedDetailKeys(before, after).map((key) => `details.${key}`) : [field]))
    .join(', ');
}

function detail(c: Case, key: string): unknown {
  return c.details[key];
}

/** The fields of a case; anything else a stored or pushed document carries (sync metadata) is not compared. */
const CASE_FIELDS = Object.keys(caseSchema.shape) as (keyof Case)[];

function changedFields(before: Case, after: Case): string[] {
  return CASE_FIELDS.filter((field) => !['updatedAt', 'updatedBy'].includes(field) && !jsonEqual(before[field], after[field]));
}

function changedDetailKeys(before: Case, after: Case): string[] {
  const keys = new Set([...Object.keys(before.details), ...Object.keys(after.details)]);
  return [...keys].filter((key) => !jsonEqual(detail(before, key), detail(after, key)));
}
