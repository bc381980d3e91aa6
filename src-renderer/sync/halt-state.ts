import { BehaviorSubject, filter, map, type Observable } from 'rxjs';

/** Whether sync is halted (signed out, outdated, revoked, stopped); waiting work ends on it. */
export class HaltState {
  private readonly subject = new BehaviorSubject(false);
  /** Emits when sync halts, at once for a subscriber that comes after. */
  readonly halted$: Observable<void> = this.subject.pipe(
    filter(Boolean),
    map(() => undefined),
  );

  get halted(): boolean {
    return this.subject.value;
  }

  halt(): void {
    if (!this.subject.value) this.subject.next(true);
  }

  resume(): void {
    this.subject.next(false);
  }
}
