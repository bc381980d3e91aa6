import { useMemo } from 'react';
import type { Actor } from '../../../src-shared/domain/access/roles';
import type { MyTask } from '../../../src-shared/domain/task/my-tasks';
import { useDatabase } from '../../app/providers';
import { useObservable } from '../../db/use-observable';
import { myTasks$ } from './my-tasks-query';

/** The actor's tasks (see myTasks$), kept up to date; undefined while loading. */
export function useMyTasks(actor: Actor, today: string, includeDone: boolean): MyTask[] | undefined {
  const db = useDatabase();
  return useObservable(useMemo(() => myTasks$(db, actor, today, includeDone), [db, actor, today, includeDone]));
}
