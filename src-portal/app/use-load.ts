import { useCallback, useEffect, useState } from 'react';
import { PortalApiError, type PortalFailure } from '../api/portal-api';

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; failure: PortalFailure };

/**
 * Loads once on mount (and again on `reload`, showing loading meanwhile, or `refresh`, keeping
 * what is shown until the new data is there); a failure is kept for the page to show.
 */
export function useLoad<T>(load: () => Promise<T>, onFailure?: (failure: PortalFailure) => void): [Loaded<T>, () => void, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setLoaded({ state: 'ready', value }),
      (error: unknown) => {
        if (!current) return;
        const failure = error instanceof PortalApiError ? error.failure : 'unavailable';
        setLoaded({ state: 'failed', failure });
        onFailure?.(failure);
      },
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loads per round, not per render's new closures
  }, [round]);
  const reload = useCallback(() => {
    setLoaded({ state: 'loading' });
    setRound((n) => n + 1);
  }, []);
  const refresh = useCallback(() => setRound((n) => n + 1), []);
  return [loaded, reload, refresh];
}
