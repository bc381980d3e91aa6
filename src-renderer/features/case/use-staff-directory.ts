import { useMemo } from 'react';
import type { StaffMember } from '../../../src-shared/domain/staff/staff.schema';
import { useDatabase } from '../../app/providers';
import { useObservable } from '../../db/use-observable';
import { staffDirectory, type StaffDirectory } from './staff-directory';

/** The staff directory of the local replica: the server's (replicated) when signed in, the demo accounts on local demo data. */
export function useStaffDirectory(): StaffDirectory {
  const db = useDatabase();
  const staff$ = useMemo(() => db.staff.find().$, [db]);
  const docs = useObservable(staff$);
  return useMemo(() => staffDirectory((docs ?? []).map((doc) => doc.toJSON() as StaffMember)), [docs]);
}
