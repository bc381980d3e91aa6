import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';

/**
 * The latest value of an observable (an RxDB query's `$`), or undefined before the first one.
 * When `source` changes, the previous value stays until the new source emits, so a list does not
 * flash empty between two filters. Errors surface to the nearest error boundary.
 */
export function useObservable<T>(source: Observable<T>): T | undefined {
  const [state, setState] = useState<{ value?: T; error?: unknown }>({});
  useEffect(() => {
    const subscription = source.subscribe({
      next: (value) => setState({ value }),
      error: (error: unknown) => setState({ error }),
    });
    return () => subscription.unsubscribe();
  }, [source]);
  if (state.error !== undefined) throw state.error;
  return state.value;
}
