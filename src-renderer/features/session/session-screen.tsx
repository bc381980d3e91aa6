import { Heading } from '@digdir/designsystemet-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useDocumentLanguage } from '../../i18n/use-document-language';
import { useT } from '../../i18n/use-t';
import { LanguageSwitch } from '../../app/language-switch';
import './session.css';

/**
 * The frame of the screens shown instead of the app (sign-in, lock): a landmark, the app name,
 * the language switch and a focused h1, so screen readers start at the top.
 */
export function SessionScreen({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useDocumentLanguage();
  useEffect(() => {
    document.title = `${title} – ${t.app.name}`;
  }, [title, t.app.name]);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  return (
    <div className="session-screen">
      <header className="session-screen__header">
        <p className="app-header__name">{t.app.name}</p>
        <LanguageSwitch />
      </header>
      <main className="session-screen__main">
        <Heading level={1} data-size="md" ref={heading} tabIndex={-1} className="page-heading">
          {title}
        </Heading>
        {children}
      </main>
    </div>
  );
}
