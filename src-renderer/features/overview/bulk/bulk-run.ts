import { bulkStepFor, type BulkRefusalReason, type BulkStepResult } from '../../../../src-shared/domain/case/bulk-steps';
import { workflowOf } from '../../../../src-shared/domain/case/case-workflows';
import type { Case } from '../../../../src-shared/domain/case/case.schema';
import { AppError } from '../../../../src-shared/kernel/app-error';
import type { SelectedCase } from './bulk-selection';
import { bulkRunner, type BulkPortContext } from './bulk-ports';

/** Cases per chunk: the page paints and the user can cancel between chunks. */
export const BULK_CHUNK_SIZE = 25;

export type BulkOutcome =
  /** `archiveProblem`: the case ended, but its folder could not be handed to the archive's outbox. */
  | { kind: 'done'; tasksCreated: number; archiveProblem?: string }
  | { kind: 'refused'; reason: BulkRefusalReason | 'not-found'; message: string }
  | { kind: 'failed'; message: string };

export interface BulkResult {
  case: SelectedCase;
  outcome: BulkOutcome;
}

export type BulkDeps = Omit<BulkPortContext, 'ended'>;

export interface BulkRunOptions {
  /** Stops the run before the next chunk; the results so far are returned. */
  signal: AbortSignal;
  /** After each chunk: how many cases are handled of how many, and their results so far. */
  onProgress: (done: number, total: number, results: readonly BulkResult[]) => void;
  /**
   * Event fields the user filled in once for every case (e.g. a reason or an answer deadline): the
   * step is then any step of the workflow, checked with these fields on each case like any step.
   */
  extra?: Readonly<Record<string, unknown>>;
}

/**
 * Takes one workflow step on each case, in order, as `actor`. Each case is decided by the pure
 * workflow rule (bulkStepFor) on its current state in the replica; an allowed step writes the new
 * state to the replica and runs the step's laptop commands, exactly as a step on the case's page
 * does, so it syncs like any change (queued while offline; the server checks it again). Nothing
 * here needs the network.
 */
export async function applyBulkStep(
  deps: BulkDeps,
  cases: readonly SelectedCase[],
  event: string,
  { signal, onProgress, extra }: BulkRunOptions,
): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (let start = 0; start < cases.length && !signal.aborted; start += BULK_CHUNK_SIZE) {
    const chunk = cases.slice(start, start + BULK_CHUNK_SIZE);
    const docs = await deps.db.cases.findByIds(chunk.map((c) => c.id)).exec();
    for (const selected of chunk) {
      const current = docs.get(selected.id)?.toJSON() as Case | undefined;
      results.push({ case: selected, outcome: current ? await stepOne(deps, current, event, extra) : notFound(selected) });
    }
    onProgress(results.length, cases.length, results);
    await nextTask();
  }
  return results;
}

async function stepOne(deps: BulkDeps, current: Case, event: string, extra: BulkRunOptions['extra']): Promise<BulkOutcome> {
  const step = stepFor(current, event, deps.actor, new Date().toISOString(), extra);
  if (!step.ok) return { kind: 'refused', reason: step.reason, message: step.message };
  try {
    await deps.db.cases.incrementalUpsert(step.state);
    const { reports } = await bulkRunner.run(step.commands, { ...deps, ended: step.state });
    const archiveProblem = reports.find((report) => report.type === 'folderClosingFailed');
    return {
      kind: 'done',
      tasksCreated: reports.filter((report) => report.type === 'taskCreated').length,
      ...(archiveProblem ? { archiveProblem: archiveProblem.message } : {}),
    };
  } catch (error) {
    return { kind: 'failed', message: AppError.from(error).message };
  }
}

/** The step on one case: an input-free bulk step, or with `extra` any step given those fields (the workflow parses them). */
function stepFor(c: Case, event: string, actor: BulkDeps['actor'], at: string, extra: BulkRunOptions['extra']): BulkStepResult {
  return extra ? workflowOf(c.type).transitionCase(c, { ...extra, type: event, at }, actor) : bulkStepFor(c, event, actor, at);
}

/** A selected case the replica no longer holds (access lost, or removed by sync). */
const notFound = (selected: SelectedCase): BulkOutcome => ({
  kind: 'refused',
  reason: 'not-found',
  message: `Case ${selected.caseNumber} is no longer in the local database`,
});

/** Yields to the browser so it paints the progress and handles input before the next chunk. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
