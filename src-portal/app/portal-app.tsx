import { Spinner } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useState } from 'react';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import type { PortalMe } from '../../src-shared/portal/portal.contract';
import { PortalApiError, type PortalApi, type PortalFailure } from '../api/portal-api';
import { dictionaries, languages, type Language } from '../i18n/dictionary';
import { LanguageContext } from '../i18n/language';
import { ApplicantSignInPage } from '../pages/applicant/applicant-sign-in-page';
import { MyApplicationPage } from '../pages/applicant/my-application-page';
import { CoursePage } from '../pages/course/course-page';
import { NominatePage } from '../pages/nominate-page';
import { NominatorInvitationPage } from '../pages/nominator-invitation-page';
import { NominationsPage } from '../pages/nominations-page';
import { OffersPage } from '../pages/offers-page';
import { SignInPage } from '../pages/sign-in-page';
import { SiteOrderPage } from '../pages/site/site-order-page';
import { SiteOrdersPage } from '../pages/site/site-orders-page';
import { SiteStudentsPage } from '../pages/site/site-students-page';
import { UploadPage } from '../pages/upload-page';
import { PortalLayout } from './portal-layout';

const LANGUAGE_KEY = 'saksflyt-portal-language';

type Who = { state: 'checking' } | { state: 'signed-out'; expired: boolean } | { state: 'signed-in'; me: PortalMe };

/**
 * The portal: a nominator's nominations, nominating (form or CSV) and offers; an applicant's own
 * application; a placement site's orders (its coordinator) or supervised students (its supervisors). The invitation links' pages (`#/soknad/…`, `#/invitasjon/…`) and a course's registration page (`#/kurs/…`) open without a session.
 */
export function PortalApp({ api }: { api: PortalApi }) {
  const [language, setLanguage] = useState<Language>(() => storedLanguage());
  const [who, setWho] = useState<Who>(api.signedIn ? { state: 'checking' } : { state: 'signed-out', expired: false });

  useEffect(() => {
    document.documentElement.lang = language;
    localStorage.setItem(LANGUAGE_KEY, language);
  }, [language]);

  const signedIn = useCallback(() => {
    api.me().then(
      (me) => setWho({ state: 'signed-in', me }),
      (error: unknown) => setWho({ state: 'signed-out', expired: error instanceof PortalApiError && error.failure === 'expired' }),
    );
  }, [api]);
  useEffect(() => {
    if (api.signedIn) signedIn();
  }, [api, signedIn]);

  const onFailure = useCallback((failure: PortalFailure) => {
    if (failure === 'expired' || failure === 'forbidden') setWho({ state: 'signed-out', expired: failure === 'expired' });
  }, []);
  const signOut = () => void api.signOut().then(() => setWho({ state: 'signed-out', expired: false }));

  return (
    <LanguageContext.Provider value={{ language, setLanguage }}>
      <HashRouter>
        <Routes>
          <Route
            path="/soknad/:token"
            element={
              <PortalLayout>
                <ApplicantSignInPage api={api} onSignedIn={signedIn} />
              </PortalLayout>
            }
          />
          <Route
            path="/kurs/:caseId"
            element={
              <PortalLayout>
                <CoursePage api={api} />
              </PortalLayout>
            }
          />
          <Route
            path="/invitasjon/:token"
            element={
              <PortalLayout>
                <NominatorInvitationPage api={api} />
              </PortalLayout>
            }
          />
          <Route
            path="*"
            element={
              who.state === 'signed-in' ? (
                <PortalLayout me={who.me} onSignOut={signOut}>
                  {who.me.role === 'applicant' ? (
                    <Routes>
                      <Route path="/" element={<MyApplicationPage api={api} onFailure={onFailure} />} />
                      <Route path="*" element={<Navigate to="/" replace />} />
                    </Routes>
                  ) : who.me.role === 'siteSupervisor' ? (
                    <Routes>
                      <Route path="/" element={<SiteStudentsPage api={api} supervisor onFailure={onFailure} />} />
                      <Route path="*" element={<Navigate to="/" replace />} />
                    </Routes>
                  ) : who.me.role === 'siteCoordinator' ? (
                    <Routes>
                      <Route path="/" element={<SiteOrdersPage api={api} onFailure={onFailure} />} />
                      <Route path="/bestilling/:id" element={<SiteOrderPage api={api} onFailure={onFailure} />} />
                      <Route path="/studenter" element={<SiteStudentsPage api={api} onFailure={onFailure} />} />
                      <Route path="*" element={<Navigate to="/" replace />} />
                    </Routes>
                  ) : (
                    <Routes>
                      <Route path="/" element={<NominationsPage api={api} onFailure={onFailure} />} />
                      <Route path="/nominer" element={<NominatePage api={api} onFailure={onFailure} />} />
                      <Route path="/last-opp" element={<UploadPage api={api} partners={who.me.partners} onFailure={onFailure} />} />
                      <Route path="/tilbud" element={<OffersPage api={api} onFailure={onFailure} />} />
                      <Route path="*" element={<Navigate to="/" replace />} />
                    </Routes>
                  )}
                </PortalLayout>
              ) : (
                <PortalLayout>
                  {who.state === 'checking' ? (
                    <Spinner aria-label={dictionaries[language].loading} data-size="md" />
                  ) : (
                    <SignInPage api={api} expired={who.expired} onSignedIn={signedIn} />
                  )}
                </PortalLayout>
              )
            }
          />
        </Routes>
      </HashRouter>
    </LanguageContext.Provider>
  );
}

function storedLanguage(): Language {
  const stored = localStorage.getItem(LANGUAGE_KEY);
  return languages.find((code) => code === stored) ?? 'nb';
}
