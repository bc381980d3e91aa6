import { Observable, Subject } from 'rxjs';
import type { StreamEvent, TaggedStreamEvent } from '../../src-shared/sync/stream.schema';
import { SyncRequestError } from './sync-transport';

export interface LiveEventsOptions {
  minRetryMs?: number;
  maxRetryMs?: number;
  onState?(connected: boolean, error?: unknown): void;
}

/** Live events per collection from one connection, with reconnects. */
export interface LiveEvents {
  /** The events of one collection; the connection is open while anyone listens. */
  events(collection: string): Observable<StreamEvent>;
  /** Ends a wait before reconnecting (the network came back, "sync now"). */
  kick(): void;
}

/**
 * Keeps one Server-Sent Events connection (`open`) while any collection listens, reconnecting
 * with growing delays; every (re)connect starts with the server's RESYNC per collection, so
 * nothing missed while away is skipped. A server error that will not pass (e.g. an outdated
 * schema) waits the longest delay before trying again.
 */
export function liveEvents(open: (signal: AbortSignal) => AsyncIterable<TaggedStreamEvent>, options: LiveEventsOptions = {}): LiveEvents {
  const minRetry = options.minRetryMs ?? 1000;
  const maxRetry = options.maxRetryMs ?? 30_000;
  const subjects = new Map<string, Subject<StreamEvent>>();
  let listeners = 0;
  let stop: AbortController | undefined;
  let kick: () => void = () => undefined;

  async function run(stopped: AbortSignal): Promise<void> {
    let delay = minRetry;
    while (!stopped.aborted) {
      const attempt = new AbortController();
      const abortAttempt = () => attempt.abort();
      stopped.addEventListener('abort', abortAttempt);
      try {
        for await (const { collection, event } of open(attempt.signal)) {
          options.onState?.(true);
          delay = minRetry;
          subjects.get(collection)?.next(event);
        }
        options.onState?.(false);
      } catch (error) {
        options.onState?.(false, error);
        if (error instanceof SyncRequestError && !error.transient) delay = maxRetry;
      } finally {
        stopped.removeEventListener('abort', abortAttempt);
      }
      if (stopped.aborted) break;
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          stopped.removeEventListener('abort', wake);
          resolve();
        };
        const timer = setTimeout(wake, delay);
        kick = wake;
        stopped.addEventListener('abort', wake);
      });
      kick = () => undefined;
      delay = Math.min(delay * 2, maxRetry);
    }
  }

  return {
    events: (collection) =>
      new Observable<StreamEvent>((subscriber) => {
        let subject = subjects.get(collection);
        if (!subject) subjects.set(collection, (subject = new Subject()));
        const subscription = subject.subscribe(subscriber);
        if (listeners++ === 0) {
          stop = new AbortController();
          void run(stop.signal);
        }
        return () => {
          subscription.unsubscribe();
          if (--listeners === 0) stop?.abort();
        };
      }),
    kick: () => kick(),
  };
}
