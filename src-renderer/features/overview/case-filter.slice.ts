import type { StateCreator } from 'zustand';
import type { AppState } from '../../app/store';
import type { CaseFilter } from './case-query';

export const emptyCaseFilter: CaseFilter = { search: '', type: '', status: '', deadline: 'all' };

export interface CaseFilterSlice {
  caseFilter: CaseFilter;
  /** Changing the case type clears the status: statuses belong to a type. */
  setCaseFilter: (patch: Partial<CaseFilter>) => void;
  resetCaseFilter: () => void;
}

export const createCaseFilterSlice: StateCreator<AppState, [], [], CaseFilterSlice> = (set) => ({
  caseFilter: emptyCaseFilter,
  setCaseFilter: (patch) =>
    set(({ caseFilter }) => {
      const typeChanged = patch.type !== undefined && patch.type !== caseFilter.type;
      return { caseFilter: { ...caseFilter, ...(typeChanged ? { status: '' } : {}), ...patch } };
    }),
  resetCaseFilter: () => set({ caseFilter: emptyCaseFilter }),
});
