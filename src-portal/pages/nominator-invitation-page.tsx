import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { InvitationRefusedError, type PortalApi } from '../api/portal-api';
import { usePageTitle } from '../app/use-page-title';
import { useT } from '../i18n/language';

type Problem = { kind: 'refused'; code: InvitationRefusedError['code'] } | { kind: 'required' } | { kind: 'failed' };

/**
 * `#/invitasjon/:token`: a partner's new nominator accepts the account invitation e-mailed to them
 * with that address and a password of their choosing; then they sign in with the username shown.
 */
export function NominatorInvitationPage({ api }: { api: PortalApi }) {
  const t = useT();
  usePageTitle(t.nominatorInvitation.title);
  const { token = '' } = useParams();
  const [problem, setProblem] = useState<Problem>();
  const [username, setUsername] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!email || !password) return setProblem({ kind: 'required' });
    setBusy(true);
    setProblem(undefined);
    try {
      setUsername(await api.acceptNominatorInvitation(token, email, password));
    } catch (error) {
      setProblem(error instanceof InvitationRefusedError ? { kind: 'refused', code: error.code } : { kind: 'failed' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="portal-sign-in">
      <Heading level={1} data-size="lg">
        {t.nominatorInvitation.title}
      </Heading>
      <div aria-live="polite">
        {username && (
          <Alert data-color="success">
            <Paragraph>{t.nominatorInvitation.done(username)}</Paragraph>
            <Link to={`/?username=${encodeURIComponent(username)}`}>{t.nominatorInvitation.signIn}</Link>
          </Alert>
        )}
      </div>
      {!username && (
        <>
          <Paragraph>{t.nominatorInvitation.intro}</Paragraph>
          <form noValidate className="portal-sign-in__form" onSubmit={(event) => void submit(event)}>
            {problem && (
              <Alert data-color="danger" role="alert">
                {problem.kind === 'refused' ? t.invitation.refused[problem.code] : problem.kind === 'required' ? t.signIn.required : t.failed}
              </Alert>
            )}
            <Textfield name="email" type="email" label={t.invitation.email} autoComplete="email" required />
            <Textfield
              name="password"
              type="password"
              label={t.nominatorInvitation.password}
              description={t.nominatorInvitation.passwordHint}
              autoComplete="new-password"
              required
            />
            <Button type="submit" disabled={busy}>
              {busy ? t.nominatorInvitation.busy : t.nominatorInvitation.submit}
            </Button>
          </form>
        </>
      )}
    </div>
  );
}
