import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export interface StartupSlice {
  /** While the first start writes demo data: how many cases (the start screen says so). */
  seedingCases: number | null;
  setSeedingCases: (count: number | null) => void;
}

export const createStartupSlice: StateCreator<AppState, [], [], StartupSlice> = (set) => ({
  seedingCases: null,
  setSeedingCases: (seedingCases) => set({ seedingCases }),
});
