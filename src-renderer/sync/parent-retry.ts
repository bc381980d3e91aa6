import type { RxCollection } from 'rxdb';
import type { SyncIssue } from '../../src-shared/sync/sync-issue.schema';
import type { PendingChanges } from './pending-changes';

const MAX_TRIES = 5;
const DEBOUNCE_MS = 100;

export interface ParentRetryContext {
  /** The local cases and their unconfirmed changes. */
  cases: { collection: RxCollection; pending: PendingChanges } | undefined;
  openIssues(): SyncIssue[];
  /** Sends an inbox entry's refused values again. */
  retryIssue(issueId: string): Promise<void>;
}

/**
 * A record the server refused because its case was not there (its case came later, e.g. from
 * another laptop or written after it) goes again once the case is here and confirmed by the
 * server. Tried a few times at most.
 */
export class ParentRetry {
  private readonly tries = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly context: ParentRetryContext) {}

  /** Retries soon (a case was sent, or a record refused); several calls make one retry. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.now(), DEBOUNCE_MS);
  }

  /** Retries what can go now; returns how many entries were sent again. */
  async now(): Promise<number> {
    const { cases } = this.context;
    if (!cases) return 0;
    let retried = 0;
    for (const issue of this.context.openIssues()) {
      const caseId = issue.fields.find((field) => field.path === 'caseId')?.local;
      if (issue.reason !== 'parent-missing' || typeof caseId !== 'string' || cases.pending.has(caseId)) continue;
      const tries = this.tries.get(issue.id) ?? 0;
      if (tries >= MAX_TRIES || !(await cases.collection.findOne(caseId).exec())) continue;
      this.tries.set(issue.id, tries + 1);
      await this.context.retryIssue(issue.id);
      retried++;
    }
    return retried;
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
