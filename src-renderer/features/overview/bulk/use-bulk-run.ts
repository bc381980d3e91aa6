import { useRef, useState } from 'react';
import { logError } from '../../../app/log-error';
import { useApi, useDatabase } from '../../../app/providers';
import { useActingUser } from '../../case/acting-user';
import type { SelectedCase } from './bulk-selection';
import { applyBulkStep, type BulkResult, type BulkRunOptions } from './bulk-run';

export type BulkRunState =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'finished'; total: number; results: readonly BulkResult[]; cancelled: boolean }
  | { kind: 'failed'; message: string };

export type BulkRun = ReturnType<typeof useBulkRun>;

/** Runs one bulk step at a time as the acting user, with its progress, cancelling and results. */
export function useBulkRun() {
  const db = useDatabase();
  const api = useApi();
  const actor = useActingUser();
  const [state, setState] = useState<BulkRunState>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const start = async (cases: readonly SelectedCase[], event: string, extra?: BulkRunOptions['extra']) => {
    if (controller.current) return;
    const run = (controller.current = new AbortController());
    setState({ kind: 'running', done: 0, total: cases.length });
    try {
      const results = await applyBulkStep({ db, api, actor }, cases, event, {
        signal: run.signal,
        onProgress: (done, total) => setState({ kind: 'running', done, total }),
        extra,
      });
      setState({ kind: 'finished', total: cases.length, results, cancelled: run.signal.aborted && results.length < cases.length });
    } catch (error) {
      logError(api, error);
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      controller.current = null;
    }
  };

  return {
    state,
    actor,
    start,
    cancel: () => controller.current?.abort(),
    dismiss: () => setState({ kind: 'idle' }),
  };
}
