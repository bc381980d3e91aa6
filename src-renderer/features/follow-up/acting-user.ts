import { useMemo } from 'react';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { DemoUser } from '../../../src-shared/domain/demo-data/demo-users';
import { useSession } from '../session/session-context';
import { followUpStaff, staffUser } from './staff-directory';
import { useStaffDirectory } from './use-staff-directory';

/** On local demo data (nobody signed in), the follow-up screens act as one of the demo staff accounts. */
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

/** Who takes the steps: the signed-in user, or on local demo data the chosen demo account. */
export function useActingUser(): DemoUser {
  const session = useSession();
  const staff = useStaffDirectory();
  const userId = useActingUserStore((state) => state.userId);
  const signedIn = session?.user;
  const demoUser = staffUser(userId) ?? followUpStaff[0]!;
  return useMemo(() => (signedIn ? { ...signedIn, email: staff.member(signedIn.userId)?.email ?? '' } : demoUser), [signedIn, demoUser, staff]);
}

export const useActAs = () => useActingUserStore((state) => state.actAs);
