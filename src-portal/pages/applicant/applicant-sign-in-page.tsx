import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { InvitationRefusedError, type PortalApi } from '../../api/portal-api';
import { usePageTitle } from '../../app/use-page-title';
import { useT } from '../../i18n/language';

type Problem = { kind: 'refused'; code: InvitationRefusedError['code'] } | { kind: 'required' } | { kind: 'failed' };

/**
 * `#/soknad/:token`: the applicant opens their invitation link, types the e-mail address it was sent
 * to and is signed in (once per link). A link that does not work can be replaced: a new one is
 * e-mailed to the address, if it has an open application.
 */
export function ApplicantSignInPage({ api, onSignedIn }: { api: PortalApi; onSignedIn(): void }) {
  const t = useT();
  usePageTitle(t.applicantSignIn.title);
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const [linkSent, setLinkSent] = useState(false);

  const emailOf = (event: FormEvent<HTMLFormElement>) => String(new FormData(event.currentTarget).get('email') ?? '').trim();

  async function signIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = emailOf(event);
    if (!email) return setProblem({ kind: 'required' });
    setBusy(true);
    setProblem(undefined);
    try {
      await api.signInWithInvitation(token, email);
      onSignedIn();
      // The used link leaves the address bar: the application is at the portal's start page.
      void navigate('/', { replace: true });
    } catch (error) {
      setProblem(error instanceof InvitationRefusedError ? { kind: 'refused', code: error.code } : { kind: 'failed' });
      setBusy(false);
    }
  }

  async function askForLink(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = emailOf(event);
    if (!email) return;
    try {
      await api.requestLink(email);
      setLinkSent(true);
    } catch {
      setProblem({ kind: 'failed' });
    }
  }

  return (
    <div className="portal-sign-in">
      <Heading level={1} data-size="lg">
        {t.applicantSignIn.title}
      </Heading>
      <Paragraph>{t.applicantSignIn.intro}</Paragraph>
      <form noValidate className="portal-sign-in__form" onSubmit={(event) => void signIn(event)}>
        {problem && (
          <Alert data-color="danger" role="alert">
            {problem.kind === 'refused' ? t.invitation.refused[problem.code] : problem.kind === 'required' ? t.invitation.required : t.failed}
          </Alert>
        )}
        <Textfield name="email" type="email" label={t.invitation.email} autoComplete="email" required />
        <Button type="submit" disabled={busy}>
          {busy ? t.applicantSignIn.busy : t.applicantSignIn.submit}
        </Button>
      </form>
      <form noValidate className="portal-sign-in__form" onSubmit={(event) => void askForLink(event)}>
        <Heading level={2} data-size="sm">
          {t.applicantSignIn.newLinkTitle}
        </Heading>
        <Textfield name="email" type="email" label={t.applicantSignIn.newLinkEmail} autoComplete="email" required />
        <Button type="submit" variant="secondary">
          {t.applicantSignIn.newLink}
        </Button>
        <div aria-live="polite">{linkSent && <Alert data-color="info">{t.applicantSignIn.newLinkSent}</Alert>}</div>
      </form>
    </div>
  );
}
