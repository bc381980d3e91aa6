import { useMemo } from 'react';
import { useDatabase } from '../../app/providers';
import { useObservable } from '../../db/use-observable';

/** Names cases by their case number (read from the replica), e.g. the application ranked just above; an id not found stays as it is. */
export function useCaseNumbers(ids: readonly string[]): (id: string) => string {
  const db = useDatabase();
  const key = [...new Set(ids)].sort().join('\n');
  const found$ = useMemo(() => db.cases.findByIds(key === '' ? [] : key.split('\n')).$, [db, key]);
  const found = useObservable(found$);
  return (id) => found?.get(id)?.caseNumber ?? id;
}
