import { ReplaySubject, switchMap, take, type Observable } from 'rxjs';

/**
 * Whether the overview list has had its first answer (rows, or none). IndexedDB counts by walking
 * every matching record (about a second for 100,000 cases on disk) and the list's read queued
 * behind the counts: the overview's counts start once the list has its first rows.
 */
const firstRows = new ReplaySubject<void>(1);

export function firstRowsShown(): void {
  firstRows.next();
}

/** `source`, subscribed to once the overview list has had its first answer. */
export function afterFirstRows<T>(source: Observable<T>): Observable<T> {
  return firstRows.pipe(
    take(1),
    switchMap(() => source),
  );
}
