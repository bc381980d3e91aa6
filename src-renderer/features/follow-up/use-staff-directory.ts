import { useMemo } from 'react';
import { of } from 'rxjs';
import type { StaffMember } from '../../../src-shared/domain/staff/staff.schema';
import { useDatabase } from '../../app/providers';
import { useObservable } from '../../db/use-observable';
import { useSession } from '../session/session-context';
import { demoStaff, staffDirectory, type StaffDirectory } from './staff-directory';

/** The staff directory: the server's (replicated) when signed in, the demo accounts on local demo data. */
export function useStaffDirectory(): StaffDirectory {
  const db = useDatabase();
  const signedIn = useSession() !== null;
  const staff$ = useMemo(() => (signedIn ? db.staff.find().$ : of(null)), [db, signedIn]);
  const docs = useObservable(staff$);
  return useMemo(() => staffDirectory(signedIn ? (docs ?? []).map((doc) => doc.toJSON() as StaffMember) : demoStaff), [signedIn, docs]);
}
