import { useEffect } from 'react';
import { useAppStore } from '../app/store';

/** Keeps `<html lang>` in step with the UI language, so assistive technology reads it right. */
export function useDocumentLanguage(): void {
  const language = useAppStore((state) => state.language);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
}
