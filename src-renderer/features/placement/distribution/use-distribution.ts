import { useCallback, useMemo, useState } from 'react';
import { mayWriteActivity } from '../../../../src-shared/domain/access/activity-access';
import type { ActivityDistribution, PlacementActivity } from '../../../../src-shared/domain/placement/activity.schema';
import {
  buildActivityInstance,
  compactInstance,
  lockAssignment,
  municipalityKey,
  studentsPerOrder,
  toActivityDistribution,
  unlockAssignment,
  type ActivityInstance,
  type DistributionResult,
} from '../../../../src-shared/domain/placement/distribution';
import type { PlacementCase } from '../../../../src-shared/domain/placement/placement.workflow';
import { AppError } from '../../../../src-shared/kernel/app-error';
import { logError } from '../../../app/log-error';
import { useApi, useDatabase } from '../../../app/providers';
import { useObservable } from '../../../db/use-observable';
import { useActingUser } from '../../case/acting-user';
import { useStepRunner } from '../../case/use-step-runner';
import { useOrganisation } from '../../organisation/use-organisation';
import { applyBulkStep, type BulkResult } from '../../overview/bulk/bulk-run';
import { distributionLabels } from './distribution-view';

export type SolveState = { kind: 'idle' } | { kind: 'running' } | { kind: 'failed'; message: string };

/**
 * One placement activity's distribution: the activity and its orders from the replica, the solver
 * instance built from them (and the sites' municipalities), and the actions — solve through the
 * main process (`placementSolve`), lock/unlock a student's place by hand, publish each order's
 * students with its `distributeStudents` step. Every change is saved to the activity in the replica
 * and syncs like any change. `activity` is null when there is no such activity.
 */
export function useDistribution(activityId: string) {
  const db = useDatabase();
  const api = useApi();
  const actor = useActingUser();
  const organisation = useOrganisation();
  const activity$ = useMemo(() => db.activities.findOne(activityId).$, [db, activityId]);
  const activityDoc = useObservable(activity$);
  const orders$ = useMemo(() => db.cases.find({ selector: { type: 'placement' } }).$, [db]);
  const orderDocs = useObservable(orders$);
  const activity = useMemo(() => (activityDoc === undefined ? undefined : ((activityDoc?.toJSON() as PlacementActivity | undefined) ?? null)), [activityDoc]);
  const orders = useMemo(
    () => orderDocs?.map((doc) => doc.toJSON() as unknown as PlacementCase).filter((order) => order.details.activity.id === activityId),
    [orderDocs, activityId],
  );
  const municipalities = useMemo(
    () =>
      organisation
        ? new Map(organisation.list('site').flatMap((site) => (site.attributes.municipality ? [[site.id, site.attributes.municipality]] : [])))
        : undefined,
    [organisation],
  );
  // The municipalities' centres give the travel distance.
  const centres = useMemo(
    () =>
      new Map(
        (organisation?.list('municipality') ?? []).map((unit) => [
          municipalityKey(unit.name),
          { latitude: Number(unit.attributes.latitude), longitude: Number(unit.attributes.longitude) },
        ]),
      ),
    [organisation],
  );
  const built = useMemo((): { ok: true; value: ActivityInstance } | { ok: false; message: string } | undefined => {
    if (!activity || !orders || !municipalities) return undefined;
    try {
      return { ok: true, value: buildActivityInstance(activity, orders, municipalities, centres) };
    } catch (error) {
      return { ok: false, message: AppError.from(error).message };
    }
  }, [activity, orders, municipalities, centres]);
  const mayWrite = activity ? mayWriteActivity(actor, activity) : false;

  const save = useCallback(
    async (distribution: ActivityDistribution) => {
      const doc = await db.activities.findOne(activityId).exec();
      if (!doc) throw new AppError('not-found', 'The activity is no longer in the local database');
      await doc.incrementalPatch({ distribution, updatedAt: new Date().toISOString() });
    },
    [db, activityId],
  );

  const [solveState, setSolveState] = useState<SolveState>({ kind: 'idle' });
  const solve = async () => {
    if (!activity || !built?.ok || solveState.kind === 'running') return;
    setSolveState({ kind: 'running' });
    try {
      const compact = compactInstance(built.value.instance);
      const reply = await api.placementSolve(compact.instance);
      if (!reply.ok) throw new AppError(reply.error.kind, reply.error.message);
      const result = compact.expand(reply.value as DistributionResult, distributionLabels(activity, built.value));
      await save(toActivityDistribution(built.value, result, activity.distribution, new Date().toISOString()));
      setSolveState({ kind: 'idle' });
    } catch (error) {
      logError(api, error);
      setSolveState({ kind: 'failed', message: AppError.from(error).message });
    }
  };

  /** Places a student by hand (locked), or takes the lock off. */
  const adjust = async (change: { personId: string; orderId: string; supervisorId: string } | { personId: string; unlock: true }) => {
    if (!activity?.distribution || !built?.ok) return;
    try {
      await save(
        'unlock' in change
          ? unlockAssignment(activity.distribution, change.personId)
          : lockAssignment(built.value, activity.distribution, change.personId, change.orderId, change.supervisorId),
      );
    } catch (error) {
      setSolveState({ kind: 'failed', message: AppError.from(error).message });
    }
  };

  /** Each staffed order of the activity gets its students through its own `distributeStudents` step; all done → published. */
  const takePublish = useCallback(async (): Promise<BulkResult[]> => {
    const distribution = activity?.distribution;
    if (!activity || !distribution || distribution.status !== 'optimal' || !built?.ok) return [];
    const perOrder = studentsPerOrder(activity, distribution);
    const results: BulkResult[] = [];
    for (const order of built.value.orders as PlacementCase[]) {
      const students = perOrder.get(order.id);
      if (!students) continue;
      const options = { signal: new AbortController().signal, onProgress: () => {}, extra: { students } };
      const selected = { id: order.id, caseNumber: order.caseNumber, title: order.title, type: order.type };
      results.push(...(await applyBulkStep({ db, api, actor }, [selected], 'distributeStudents', options)));
    }
    if (results.length && results.every(({ outcome }) => outcome.kind === 'done')) await save({ ...distribution, publishedAt: new Date().toISOString() });
    return results;
  }, [activity, built, db, api, actor, save]);
  const publish = useStepRunner<{ type: 'publish' }, BulkResult>(activity?.distribution ? takePublish : undefined);

  return { activity, orders, built, mayWrite, solveState, solve, adjust, publish, dismiss: () => setSolveState({ kind: 'idle' }) };
}
