import { BehaviorSubject, filter, firstValueFrom } from 'rxjs';

/** Numbers one collection's pulls, so a sync can wait for a pull that began after it did. */
export class PullProgress {
  private started = 0;
  /** The highest number of a pull that has completed. */
  private readonly completed = new BehaviorSubject(0);

  /** A pull begins; returns its number. */
  start(): number {
    return ++this.started;
  }

  finish(pull: number): void {
    if (pull > this.completed.value) this.completed.next(pull);
  }

  /** The number of the latest pull begun; a later `completedAfter(mark)` waits for a newer one. */
  mark(): number {
    return this.started;
  }

  /** Resolves when a pull that began after `mark` has completed. */
  completedAfter(mark: number): Promise<unknown> {
    return firstValueFrom(this.completed.pipe(filter((pull) => pull > mark)));
  }
}
