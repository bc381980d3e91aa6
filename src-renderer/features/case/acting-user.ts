import { useMemo } from 'react';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Actor } from '../../../src-shared/domain/access/roles';
import type { StaffMember } from '../../../src-shared/domain/staff/staff.schema';
import { useSession } from '../session/session-context';
import { actingStaffRoles } from './staff-directory';
import { useStaffDirectory } from './use-staff-directory';

/** Who takes a step, with the address copies of letters go to. */
export type ActingUser = Actor & { email: string };

/** On local demo data (nobody signed in), the case screens act as one of the demo staff accounts. */
export const DEFAULT_ACTING_USER = 'u-kullkoord-helse';

interface ActingUserState {
  userId: string;
  actAs: (userId: string) => void;
}

const useActingUserStore = create<ActingUserState>()(
  persist((set) => ({ userId: DEFAULT_ACTING_USER, actAs: (userId) => set({ userId }) }), {
    name: 'saksflyt.follow-up.acting-user',
    storage: createJSONStorage(() => localStorage),
  }),
);

export const actingUserOf = (member: StaffMember): ActingUser => ({
  userId: member.id,
  name: member.name,
  roles: member.roles,
  scope: { institution: member.institution, departments: member.departments, cohorts: member.cohorts, partners: [] },
  email: member.email,
});

/** Nobody: while the staff directory is loading on local demo data (no step is allowed to anyone). */
const NOBODY: ActingUser = { userId: 'nobody', name: '–', roles: [], scope: { institution: '', departments: [], cohorts: [], partners: [] }, email: '' };

/** Who takes the steps: the signed-in user, or on local demo data the chosen demo account. */
export function useActingUser(): ActingUser {
  const session = useSession();
  const staff = useStaffDirectory();
  const userId = useActingUserStore((state) => state.userId);
  const signedIn = session?.user;
  return useMemo(() => {
    if (signedIn) return { ...signedIn, email: staff.member(signedIn.userId)?.email ?? '' };
    const chosen = staff.member(userId) ?? actingStaffRoles.flatMap((role) => staff.withRole(role))[0];
    return chosen ? actingUserOf(chosen) : NOBODY;
  }, [signedIn, userId, staff]);
}

export const useActAs = () => useActingUserStore((state) => state.actAs);
