import { create } from 'zustand';
import { createCaseFilterSlice, type CaseFilterSlice } from '../features/overview/case-filter.slice';
import { createSelectionSlice, type SelectionSlice } from '../features/overview/selection.slice';
import { createSessionTimingSlice, type SessionTimingSlice } from '../features/session/session-timing.slice';
import { createLanguageSlice, type LanguageSlice } from '../i18n/language.slice';
import { createStartupSlice, type StartupSlice } from './startup.slice';

/** UI and session state only; case data is read from RxDB queries. */
export type AppState = LanguageSlice & StartupSlice & CaseFilterSlice & SelectionSlice & SessionTimingSlice;

export const useAppStore = create<AppState>()((...args) => ({
  ...createLanguageSlice(...args),
  ...createStartupSlice(...args),
  ...createCaseFilterSlice(...args),
  ...createSelectionSlice(...args),
  ...createSessionTimingSlice(...args),
}));
