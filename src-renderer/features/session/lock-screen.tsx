import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import type { SaksflytApi } from '../../../src-shared/ipc/channels';
import type { SessionGrant, SessionUser } from '../../../src-shared/ipc/session.contract';
import { PasswordField } from './password-field';
import { maxOfflineDaysOf, sessionErrorCodeOf } from './session-errors';
import { SessionScreen } from './session-screen';
import { useSessionText } from './session-text';

/**
 * Shown instead of the whole app while the session is locked: no case data is rendered. The
 * password is checked by the main process (offline too); too many wrong ones end the session.
 */
export function LockScreen(props: {
  api: SaksflytApi;
  user: SessionUser;
  onUnlocked(grant: SessionGrant): void;
  /** The main process ended the session (too many attempts) or the user chose to sign out. */
  onSignedOut(): void;
}) {
  const text = useSessionText();
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!password) {
      setFailure(text.lock.wrongPassword);
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await props.api.sessionUnlock({ password });
      setPassword('');
      if (result.ok) return props.onUnlocked(result.value);
      const code = sessionErrorCodeOf(result.error);
      if (code === 'unlock-attempts' || code === 'signed-out' || code === 'session-ended' || code === 'device-revoked') return props.onSignedOut();
      setFailure(
        code === 'invalid-credentials'
          ? text.lock.wrongPassword
          : code === 'offline-too-long'
            ? text.lock.offlineTooLong(maxOfflineDaysOf(result.error))
            : text.lock.failed(result.error.message),
      );
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <SessionScreen title={text.lock.title}>
      <Paragraph>{text.lock.body(props.user.name)}</Paragraph>
      <form className="session-form" noValidate onSubmit={(event) => void submit(event)}>
        <PasswordField ref={input} label={text.lock.password} value={password} error={failure ?? undefined} onChange={setPassword} />
        <div role="alert" className="visually-hidden-alert">
          {failure && <span>{failure}</span>}
        </div>
        <Button type="submit" loading={busy}>
          {busy ? text.lock.unlocking : text.lock.unlock}
        </Button>
      </form>
      <Button variant="tertiary" onClick={() => props.onSignedOut()}>
        {text.lock.signOut}
      </Button>
    </SessionScreen>
  );
}
