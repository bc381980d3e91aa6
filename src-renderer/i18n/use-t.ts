import { useAppStore } from '../app/store';
import { dictionaries, type Dictionary } from './dictionary';

/** The dictionary of the current UI language. */
export function useT(): Dictionary {
  return dictionaries[useAppStore((state) => state.language)];
}
