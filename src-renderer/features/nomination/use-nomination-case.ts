import { useMemo } from 'react';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { useDatabase } from '../../app/providers';
import { useActingUser } from '../case/acting-user';
import { useObservable } from '../../db/use-observable';
import { nominationsOf, type Nomination } from './nomination-queue';

/** The nomination case as a live query of the replica: undefined while loading, null when no nomination the user may see has the id. */
export function useNominationCase(id: string): Nomination | null | undefined {
  const db = useDatabase();
  const actor = useActingUser();
  const case$ = useMemo(() => db.cases.findOne(id).$, [db, id]);
  const found = useObservable(case$);
  return useMemo(() => (found === undefined ? undefined : found ? (nominationsOf([found.toJSON() as Case], actor)[0] ?? null) : null), [found, actor]);
}
