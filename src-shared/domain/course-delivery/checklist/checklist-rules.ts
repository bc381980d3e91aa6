import type { Actor, Role } from '../../access/roles';
import { checklistStep, checklistSteps, type ChecklistOwner, type ChecklistStep } from './checklist-steps';
import type { Checklist, ChecklistEntry } from './checklist.schema';

/** The role that records a step of each owner (marketing and participants have no accounts of their own). */
export const recordedBy: Record<ChecklistOwner, Role> = {
  departmentHead: 'departmentHead',
  operationsConsultant: 'operationsConsultant',
  teachingResource: 'teacher',
  marketing: 'departmentHead',
  participants: 'operationsConsultant',
};

/** Whether the actor may record this step: its owner's role; the teaching resource's steps only the course's own. */
export function mayRecordStep(actor: Actor, step: ChecklistStep, teachingResourceId: string): boolean {
  if (step.owner === 'teachingResource') return actor.userId === teachingResourceId && actor.roles.includes('teacher');
  return actor.roles.includes(recordedBy[step.owner]);
}

const settled = (entry: ChecklistEntry | undefined) => entry?.state === 'done' || entry?.state === 'notApplicable';

/** Steps this one waits for that are neither done nor not applicable. */
export function openDependencies(checklist: Checklist, step: ChecklistStep): string[] {
  return step.dependsOn.filter((id) => !settled(checklist[id]));
}

/** What is wrong with one step's new entry, or null: reasons, references and dependencies. */
export function entryProblem(checklist: Checklist, step: ChecklistStep, entry: ChecklistEntry): string | null {
  if (entry.state === 'notApplicable' && !entry.reason) return `Say why "${step.label.en}" does not apply`;
  if (entry.state === 'done' && step.reference && !entry.reference) return `"${step.label.en}" is done in ${step.reference}: record its reference`;
  if (entry.state === 'done') {
    const waiting = openDependencies(checklist, step);
    if (waiting.length) return `"${step.label.en}" waits for ${waiting.map((id) => `"${checklistStep(id)!.label.en}"`).join(', ')}`;
  }
  return null;
}

/**
 * Whether the actor may change the checklist from `before` to `after`: only known steps, each
 * changed only by whoever records it, stamped with the actor, and consistent (see entryProblem,
 * checked against the checklist after the change, so steps done together in one go count).
 */
export function checklistChangeProblem(before: Checklist, after: Checklist, actor: Actor, teachingResourceId: string): string | null {
  for (const id of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const step = checklistStep(id);
    if (!step) return `Unknown checklist step "${id}"`;
    const next = after[id];
    if (JSON.stringify(before[id]) === JSON.stringify(next)) continue;
    if (!next) return `A checklist step cannot be removed ("${step.label.en}")`;
    if (!mayRecordStep(actor, step, teachingResourceId)) return `Only the ${step.owner} side records "${step.label.en}"`;
    if (next.changedBy !== actor.userId) return 'A checklist step is recorded in your own name';
    const problem = entryProblem(after, step, next);
    if (problem) return problem;
  }
  return null;
}

/** The steps the actor may record next: not settled, nothing open before them, in the flowchart's order. */
export function nextStepsFor(actor: Actor, checklist: Checklist, teachingResourceId: string): ChecklistStep[] {
  return checklistSteps.filter(
    (step) => !settled(checklist[step.id]) && openDependencies(checklist, step).length === 0 && mayRecordStep(actor, step, teachingResourceId),
  );
}
