import type { StateCreator } from 'zustand';
import { defaultSettings, type Language } from '../../src-shared/ipc/settings.contract';
import type { AppState } from '../app/store';

export interface LanguageSlice {
  language: Language;
  setLanguage: (language: Language) => void;
}

/** UI language; the settings channel persists it, this slice only holds the live value. */
export const createLanguageSlice: StateCreator<AppState, [], [], LanguageSlice> = (set) => ({
  language: defaultSettings.language,
  setLanguage: (language) => set({ language }),
});
