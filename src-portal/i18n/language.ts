import { createContext, useContext } from 'react';
import { dictionaries, type Dictionary, type Language } from './dictionary';

export interface LanguageState {
  language: Language;
  setLanguage(language: Language): void;
}
export const LanguageContext = createContext<LanguageState>({ language: 'nb', setLanguage: () => {} });

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}

/** The dictionary of the current language. */
export function useT(): Dictionary {
  return dictionaries[useLanguage().language];
}
