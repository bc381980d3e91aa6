import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { DemoUser } from '../../../src-shared/domain/demo-data/demo-users';
import { followUpStaff, staffUser } from './staff-directory';

/** Until login exists (sync issue), the follow-up screens act as one of the demo staff accounts. */
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

export function useActingUser(): DemoUser {
  const userId = useActingUserStore((state) => state.userId);
  return staffUser(userId) ?? followUpStaff[0]!;
}

export const useActAs = () => useActingUserStore((state) => state.actAs);
