import type { WithDeleted } from 'rxdb';
import { filter, firstValueFrom, map, merge, startWith, type Observable } from 'rxjs';
import type { PendingChanges } from './pending-changes';

type Doc = WithDeleted<Record<string, unknown>>;

/** Thrown into RxDB when sync halts while rows wait for their case: RxDB keeps them and retries. */
export class PushHeldBack extends Error {
  constructor() {
    super('Sync stopped while these changes waited for their case to reach the server');
    this.name = 'PushHeldBack';
  }
}

/**
 * Push order case → records: a note, document or task goes only once no case it belongs to waits
 * to be confirmed by the server (the server refuses a record whose case it does not have). A case
 * this laptop has never had confirmed counts as waiting even before its push begins (written
 * offline before a restart). A record of a case that is not here at all goes at once: the server
 * refuses it, and it is sent again when the case arrives (see parent-retry.ts).
 *
 * Waits on the cases' pending changes, never on a timer. Resolves at once for rows of no case.
 */
export function casesFirst(cases: PendingChanges, halted$: Observable<void>): (rows: Doc[]) => Promise<void> {
  return async (rows) => {
    const caseIds = [...new Set(rows.map((row) => row.caseId).filter((id): id is string => typeof id === 'string'))];
    if (!caseIds.length) return;
    await cases.adoptUnconfirmed(caseIds);
    const waiting = () => caseIds.some((id) => cases.has(id));
    const outcome = await firstValueFrom(
      merge(
        cases.changed$.pipe(
          startWith(undefined),
          filter(() => !waiting()),
          map(() => 'sent' as const),
        ),
        halted$.pipe(map(() => 'halted' as const)),
      ),
    );
    if (outcome === 'halted') throw new PushHeldBack();
  };
}
