import { ReplaySubject, switchMap, take, type Observable } from 'rxjs';

/**
 * Whether the overview list has had its first answer (rows, or none). The overview's counts come
 * from the search index, whose first read goes through every case: they start once the list has
 * its first rows, so that read does not hold the list's own read back.
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
