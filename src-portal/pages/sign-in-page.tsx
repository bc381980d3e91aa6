import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { PortalApiError, type PortalApi, type PortalFailure } from '../api/portal-api';
import { usePageTitle } from '../app/use-page-title';
import type { Dictionary } from '../i18n/dictionary';
import { useT } from '../i18n/language';

type Problem = PortalFailure | 'required';

/** Sign-in with username and password; each failure gets its own clear message. */
export function SignInPage({ api, expired, onSignedIn }: { api: PortalApi; expired: boolean; onSignedIn(): void }) {
  const t = useT();
  usePageTitle(t.signIn.title);
  const [problem, setProblem] = useState<Problem | undefined>(expired ? 'expired' : undefined);
  const [busy, setBusy] = useState(false);
  // A new nominator comes here from accepting their invitation, with their username.
  const [params] = useSearchParams();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!username || !password) return setProblem('required');
    setBusy(true);
    try {
      await api.signIn(username, password);
      onSignedIn();
    } catch (error) {
      setProblem(error instanceof PortalApiError ? error.failure : 'unavailable');
      setBusy(false);
    }
  }

  return (
    <div className="portal-sign-in">
      <Heading level={1} data-size="lg">
        {t.signIn.title}
      </Heading>
      <Paragraph>{t.signIn.intro}</Paragraph>
      <form onSubmit={(event) => void submit(event)} className="portal-sign-in__form" noValidate>
        {problem && (
          <Alert data-color={problem === 'expired' ? 'warning' : 'danger'} role="alert">
            {problemText(t, problem)}
          </Alert>
        )}
        <Textfield name="username" label={t.signIn.username} autoComplete="username" defaultValue={params.get('username') ?? ''} required />
        <Textfield name="password" type="password" label={t.signIn.password} autoComplete="current-password" required />
        <Button type="submit" disabled={busy}>
          {busy ? t.signIn.busy : t.signIn.submit}
        </Button>
      </form>
    </div>
  );
}

function problemText(t: Dictionary, problem: Problem): string {
  switch (problem) {
    case 'required':
      return t.signIn.required;
    case 'wrong-credentials':
      return t.signIn.wrong;
    case 'too-many':
      return t.signIn.tooMany;
    case 'forbidden':
      return t.signIn.notForYou;
    case 'expired':
      return t.signIn.expired;
    case 'unavailable':
      return t.failed;
  }
}
