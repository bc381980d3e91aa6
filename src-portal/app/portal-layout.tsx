import { Button, Paragraph } from '@digdir/designsystemet-react';
import type { MouseEvent, ReactNode } from 'react';
import { NavLink } from 'react-router';
import type { PortalMe } from '../../src-shared/portal/portal.contract';
import { useT } from '../i18n/language';
import { LanguageSwitch } from './language-switch';

/** The pages' routes live in the URL hash: move focus to the content instead of following #main. */
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

/** The frame of every page: skip link, header with language switch, menu and sign-out once signed in. */
export function PortalLayout({ me, onSignOut, children }: { me?: PortalMe; onSignOut?(): void; children: ReactNode }) {
  const t = useT();
  return (
    <div className="portal">
      <a className="portal__skip" href="#main" onClick={skipToMain}>
        {t.skipToContent}
      </a>
      <header className="portal-header">
        <Paragraph className="portal-header__name" data-size="lg">
          {t.appName}
        </Paragraph>
        {me && (
          <nav aria-label={t.nav.label} className="portal-header__nav">
            {me.role === 'applicant' ? (
              <NavLink to="/" end>
                {t.applicantNav}
              </NavLink>
            ) : me.role === 'siteSupervisor' ? (
              <NavLink to="/" end>
                {t.site.students.mine}
              </NavLink>
            ) : me.role === 'siteCoordinator' ? (
              <>
                <NavLink to="/" end>
                  {t.site.nav}
                </NavLink>
                <NavLink to="/studenter">{t.site.students.nav}</NavLink>
              </>
            ) : (
              <>
                <NavLink to="/" end>
                  {t.nav.nominations}
                </NavLink>
                <NavLink to="/nominer">{t.nav.nominate}</NavLink>
                <NavLink to="/last-opp">{t.nav.upload}</NavLink>
                <NavLink to="/tilbud">{t.nav.offers}</NavLink>
              </>
            )}
          </nav>
        )}
        <LanguageSwitch />
        {me && (
          <div className="portal-header__user">
            <Paragraph data-size="sm">
              {me.role === 'applicant' ? t.signedInAsApplicant(me.name) : t.signedInAs(me.name, me.partners.map((partner) => partner.name).join(', '))}
            </Paragraph>
            <Button variant="secondary" data-size="sm" onClick={onSignOut}>
              {t.signOut}
            </Button>
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1} className="portal__main">
        {children}
      </main>
    </div>
  );
}
