import { useEffect } from 'react';
import { useT } from '../i18n/use-t';

/** Sets the window title to "<page> – Saksflyt" (WCAG 2.4.2). */
export function usePageTitle(page: string): void {
  const appName = useT().app.name;
  useEffect(() => {
    document.title = `${page} – ${appName}`;
  }, [page, appName]);
}
