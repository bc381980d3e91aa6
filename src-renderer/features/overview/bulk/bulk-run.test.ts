import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Case } from '../../../../src-shared/domain/case/case.schema';
import { actorFor, followUpStart, nominationEvents, nominationStart, walk } from '../../../../dev/testing/fixtures';
import { nominationWorkflow } from '../../../../src-shared/domain/nomination/nomination.workflow';
import { replicaWithCases } from '../replica.test-helper';
import type { SelectedCase } from './bulk-selection';
import { applyBulkStep, BULK_CHUNK_SIZE, type BulkResult } from './bulk-run';

const coordinator = actorFor('cohortCoordinator');
/** None of these steps ends a case, so nothing is handed to the archive. */
const noArchive = { archiveCloseCase: () => Promise.reject(new Error('no case ended')) };

/** Reported follow-up cases in the coordinator's department, and one in a department outside it. */
const inScope: Case[] = Array.from({ length: BULK_CHUNK_SIZE * 2 + 5 }, (_, i) => ({
  ...(followUpStart() as Case),
  id: `fu-${String(i).padStart(3, '0')}`,
  caseNumber: `2026/${String(i).padStart(5, '0')}`,
}));
const elsewhere: Case = { ...inScope[0]!, id: 'fu-okonomi', caseNumber: '2026/09999', department: 'okonomi', cohort: 'OKAD-2024H' };
const missing: SelectedCase = { id: 'fu-gone', caseNumber: '2026/08888', title: 'Borte', type: 'followUp' };

const selection = (cases: readonly Case[]): SelectedCase[] => cases.map(({ id, caseNumber, title, type }) => ({ id, caseNumber, title, type }));

describe('a bulk step over the local replica', () => {
  const replica = replicaWithCases([...inScope, elsewhere]);
  afterEach(() => vi.restoreAllMocks());

  it('takes the step case by case in chunks, refuses with the reason, and needs no network', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    const db = replica();
    const progress: number[][] = [];
    const results = await applyBulkStep({ db, api: noArchive, actor: coordinator }, [...selection([elsewhere, ...inScope]), missing], 'open', {
      signal: new AbortController().signal,
      onProgress: (done, total) => progress.push([done, total]),
    });

    const total = inScope.length + 2;
    expect(progress).toEqual([
      [BULK_CHUNK_SIZE, total],
      [BULK_CHUNK_SIZE * 2, total],
      [total, total],
    ]);
    expect(results.map((result) => result.case.id)).toEqual([elsewhere.id, ...inScope.map((c) => c.id), missing.id]);
    expect(results[0]!.outcome).toMatchObject({ kind: 'refused', reason: 'out-of-scope' });
    expect(results.at(-1)!.outcome).toMatchObject({ kind: 'refused', reason: 'not-found' });
    expect(results.slice(1, -1).every((result) => result.outcome.kind === 'done' && result.outcome.tasksCreated === 1)).toBe(true);

    // The replica holds the new states and the step's tasks; the refused case is as it was.
    const stored = await db.cases.find().exec();
    const statusOf = new Map(stored.map((doc) => [doc.id, doc.status]));
    expect(inScope.every((c) => statusOf.get(c.id) === 'open')).toBe(true);
    expect(statusOf.get(elsewhere.id)).toBe('reported');
    expect((await db.cases.findOne(inScope[0]!.id).exec())?.assignees).toContain(coordinator.userId);
    const tasks = await db.tasks.find().exec();
    expect(tasks.map((task) => task.caseId).sort()).toEqual(inScope.map((c) => c.id).sort());
    expect(tasks.every((task) => task.assigneeId === coordinator.userId && !task.done)).toBe(true);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses every case once the step is taken (the status moved on)', async () => {
    const results = await applyBulkStep({ db: replica(), api: noArchive, actor: coordinator }, selection(inScope.slice(0, 2)), 'open', {
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    expect(results.map((result) => result.outcome)).toEqual([
      expect.objectContaining({ kind: 'refused', reason: 'illegal-transition' }),
      expect.objectContaining({ kind: 'refused', reason: 'illegal-transition' }),
    ]);
  });

  it('stops between chunks when cancelled, with the results so far', async () => {
    const controller = new AbortController();
    let seen: readonly BulkResult[] = [];
    const results = await applyBulkStep({ db: replica(), api: noArchive, actor: coordinator }, selection(inScope), 'recordNoShow', {
      signal: controller.signal,
      onProgress: (_done, _total, sofar) => {
        seen = sofar;
        controller.abort();
      },
    });
    expect(results).toHaveLength(BULK_CHUNK_SIZE);
    expect(seen).toHaveLength(BULK_CHUNK_SIZE);
  });
});

describe('a bulk step with input filled in once', () => {
  const underReview = walk(nominationWorkflow, nominationStart('screening'), [
    ['applicant', nominationEvents.submitApplication],
    ['caseOfficer', nominationEvents.startReview],
  ]).at(-1)! as Case;
  const replica = replicaWithCases([underReview]);

  it('takes a step that needs input with the fields filled in once (extra), and refuses without them', async () => {
    const db = replica();
    // The rejection ends the case: its folder goes to the archive's outbox.
    const closed: string[] = [];
    const archive = {
      archiveCloseCase: async ({ caseId }: { caseId: string }) => {
        closed.push(caseId);
        return { ok: true as const, value: [] };
      },
    };
    const deps = { db, api: archive, actor: actorFor('caseOfficer') };
    const options = { signal: new AbortController().signal, onProgress: () => {} };
    const [withoutReason] = await applyBulkStep(deps, selection([underReview]), 'reject', options);
    expect(withoutReason!.outcome).toMatchObject({ kind: 'refused', reason: 'not-in-bulk' });
    const [rejected] = await applyBulkStep(deps, selection([underReview]), 'reject', { ...options, extra: { reason: 'Oppfyller ikke språkkravet.' } });
    expect(rejected!.outcome).toEqual({ kind: 'done', tasksCreated: 0 });
    expect(closed).toEqual([underReview.id]);
    const stored = (await db.cases.findOne(underReview.id).exec())?.toJSON() as Case;
    expect(stored.status).toBe('rejected');
    expect((stored.details as { outcome?: { reason: string } }).outcome?.reason).toBe('Oppfyller ikke språkkravet.');
  });
});
