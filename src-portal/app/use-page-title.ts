import { useEffect } from 'react';
import { useT } from '../i18n/language';

/** The browser tab's title: the page, then the portal's name (WCAG 2.4.2). */
export function usePageTitle(page: string): void {
  const { appName } = useT();
  useEffect(() => {
    document.title = `${page} – ${appName}`;
  }, [page, appName]);
}
