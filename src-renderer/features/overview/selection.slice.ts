import type { StateCreator } from 'zustand';
import type { AppState } from '../../app/store';

export interface SelectionSlice {
  /** The case last opened from the overview: focus returns to its row on the way back. */
  selectedCaseId: string | null;
  selectCase: (id: string | null) => void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selectedCaseId: null,
  selectCase: (selectedCaseId) => set({ selectedCaseId }),
});
