import { Alert, Button, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { FailureAlert } from './failure-alert';
import { useRef, useState, type FormEvent } from 'react';
import type { SaksflytApi } from '../../../src-shared/ipc/channels';
import type { SessionGrant, SignedOutReason } from '../../../src-shared/ipc/session.contract';
import { settingsSchema } from '../../../src-shared/ipc/settings.contract';
import { demoModeHref } from './demo-mode';
import { OidcSignIn } from './oidc-sign-in';
import { useOidcText } from './oidc-text';
import { PasswordField } from './password-field';
import { sessionErrorCodeOf } from './session-errors';
import { SessionScreen } from './session-screen';
import { useSessionText } from './session-text';
import { useOidcProviders } from './use-oidc-providers';

type FieldErrors = Partial<Record<'serverUrl' | 'username' | 'password', string>>;

/**
 * Sign-in against the central server through the main process (`session:login`). The server
 * address is editable here too, since the first sign-in is where it is needed. Errors say what to
 * do: wrong password, server unreachable, account disabled.
 */
export function LoginPage(props: {
  api: SaksflytApi;
  serverUrl: string;
  reason: SignedOutReason;
  lastUsername?: string;
  onSignedIn(grant: SessionGrant): void;
}) {
  const text = useSessionText();
  const oidcText = useOidcText();
  const providers = useOidcProviders(props.api);
  const [serverUrl, setServerUrl] = useState(props.serverUrl);
  const [username, setUsername] = useState(props.lastUsername ?? '');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const serverUrlField = useRef<HTMLInputElement>(null);
  const usernameField = useRef<HTMLInputElement>(null);
  const passwordField = useRef<HTMLInputElement>(null);

  /** Saves a changed server address first (the first sign-in is where it is set); false when it is refused. */
  const saveServerUrl = async (): Promise<boolean> => {
    const target = serverUrl.trim();
    if (target === props.serverUrl) return true;
    const saved = settingsSchema.shape.serverUrl.safeParse(target).success && (await props.api.settingsUpdate({ serverUrl: target })).ok;
    setFieldErrors(saved ? {} : { serverUrl: text.login.errors.serverUrl });
    if (!saved) serverUrlField.current?.focus();
    return saved;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const errors: FieldErrors = {};
    if (!settingsSchema.shape.serverUrl.safeParse(serverUrl.trim()).success) errors.serverUrl = text.login.errors.serverUrl;
    if (!username.trim()) errors.username = text.login.errors.username;
    if (!password) errors.password = text.login.errors.password;
    setFieldErrors(errors);
    setFailure(null);
    const fields = { serverUrl: serverUrlField, username: usernameField, password: passwordField };
    const firstInvalid = (['serverUrl', 'username', 'password'] as const).find((field) => errors[field]);
    if (firstInvalid) {
      fields[firstInvalid].current?.focus();
      return;
    }
    setBusy(true);
    try {
      const target = serverUrl.trim();
      if (!(await saveServerUrl())) return;
      const result = await props.api.sessionLogin({ username: username.trim(), password });
      if (result.ok) {
        props.onSignedIn(result.value);
        return;
      }
      const code = sessionErrorCodeOf(result.error);
      const errors = text.login.errors;
      setFailure(
        code === 'invalid-credentials' || code === 'server-error' || code === 'user-disabled' || code === 'too-many-sign-ins'
          ? errors[code]
          : code === 'server-unreachable'
            ? errors['server-unreachable'](target)
            : errors.other(result.error.message),
      );
      setPassword('');
      // The alert is announced (role="alert"); focus goes where the user acts next.
      (code === 'server-unreachable' ? serverUrlField : passwordField).current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const notice = text.signedOut[props.reason];
  return (
    <SessionScreen title={text.login.title}>
      {notice && (
        <Alert data-color={props.reason === 'logged-out' ? 'info' : 'warning'}>
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      <Paragraph>{text.login.intro}</Paragraph>
      <FailureAlert failure={failure} />
      <form className="session-form" noValidate onSubmit={(event) => void submit(event)}>
        <Textfield
          ref={serverUrlField}
          label={text.login.serverUrl}
          description={text.login.serverUrlDescription}
          type="url"
          inputMode="url"
          autoComplete="url"
          value={serverUrl}
          error={fieldErrors.serverUrl}
          onChange={(event) => setServerUrl(event.target.value)}
        />
        <Textfield
          ref={usernameField}
          label={text.login.username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          error={fieldErrors.username}
          onChange={(event) => setUsername(event.target.value)}
        />
        <PasswordField ref={passwordField} label={text.login.password} value={password} error={fieldErrors.password} onChange={setPassword} />
        <Button type="submit" aria-disabled={busy || undefined} loading={busy}>
          {busy ? text.login.submitting : text.login.submit}
        </Button>
      </form>
      {providers.length > 0 && <Paragraph className="session-or">{oidcText.or}</Paragraph>}
      <OidcSignIn api={props.api} purpose="sign-in" providers={providers} prepare={saveServerUrl} onGranted={props.onSignedIn} onFailure={setFailure} />
      <Paragraph data-size="sm">
        <Link href={demoModeHref()}>{text.login.demo}</Link>
      </Paragraph>
    </SessionScreen>
  );
}
