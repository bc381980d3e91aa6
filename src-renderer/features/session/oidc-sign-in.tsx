import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import type { SaksflytApi } from '../../../src-shared/ipc/channels';
import type { SessionErrorCode, SessionGrant } from '../../../src-shared/ipc/session.contract';
import { clearOidcErrorFromUrl, oidcErrorInUrl, redirectToProvider, signsInByRedirect, type OidcPurpose } from './oidc-redirect';
import { useOidcText, type OidcText } from './oidc-text';
import { sessionErrorCodeOf } from './session-errors';
import type { OidcProvider } from './use-oidc-providers';

/** Codes that mean the session ended meanwhile: unlocking gives way to sign-in. */
const endedCodes: ReadonlySet<SessionErrorCode | undefined> = new Set(['signed-out', 'session-ended', 'device-revoked'] as const);

/**
 * Sign-in (or unlock) through the server's providers, one button each. The desktop app waits
 * while the user finishes in the system browser (with a cancel); browser mode sends the tab to
 * the provider, and a failure comes back in the address. Errors say what to do; the screen shows
 * them in its alert.
 */
export function OidcSignIn(props: {
  api: SaksflytApi;
  purpose: OidcPurpose;
  providers: OidcProvider[];
  /** Unlock: the locked session's user, whom the provider must sign in again. */
  userName?: string;
  /** Runs before the browser opens (the login page saves a changed server address); false stops. */
  prepare?: () => Promise<boolean>;
  onGranted(grant: SessionGrant): void;
  /** What went wrong, said for the user (null: the next attempt starts). */
  onFailure(message: string | null): void;
  /** Unlock: the session ended meanwhile. */
  onSignedOut?(): void;
}) {
  const text = useOidcText();
  const [waitingFor, setWaitingFor] = useState<OidcProvider | null>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const firstButton = useRef<HTMLButtonElement>(null);
  // After a failure the buttons are back: focus goes to the first, where the user tries again.
  const refocus = useRef(false);
  const { onFailure, userName } = props;
  const someLabel = props.providers[0]?.label ?? text.someProvider;

  // Browser mode: the tab came back from a failed sign-in (said until the next attempt, in the current language).
  const [returnedWith, setReturnedWith] = useState(oidcErrorInUrl);
  useEffect(() => clearOidcErrorFromUrl(), []);
  useEffect(() => {
    if (returnedWith && returnedWith !== 'oidc-cancelled') onFailure(explain(text, returnedWith, returnedWith, someLabel, userName));
  }, [returnedWith, onFailure, text, someLabel, userName]);
  useEffect(() => {
    if (waitingFor) cancelButton.current?.focus();
    else if (refocus.current) firstButton.current?.focus();
    refocus.current = false;
  }, [waitingFor]);

  const start = async (provider: OidcProvider) => {
    if (waitingFor) return;
    setReturnedWith(undefined);
    onFailure(null);
    if (props.prepare && !(await props.prepare())) return;
    if (signsInByRedirect()) return redirectToProvider(provider.id, props.purpose);
    setWaitingFor(provider);
    try {
      const input = { providerId: provider.id };
      const result = props.purpose === 'unlock' ? await props.api.sessionUnlockOidc(input) : await props.api.sessionLoginOidc(input);
      if (result.ok) return props.onGranted(result.value);
      const code = sessionErrorCodeOf(result.error);
      if (code === 'oidc-cancelled') return;
      if (props.onSignedOut && endedCodes.has(code)) return props.onSignedOut();
      onFailure(explain(text, code, result.error.message, provider.label, userName));
      refocus.current = true;
    } finally {
      setWaitingFor(null);
    }
  };

  return (
    <div className="session-oidc">
      <div role="status">{waitingFor && <Paragraph>{text.waiting(waitingFor.label)}</Paragraph>}</div>
      {waitingFor ? (
        <Button ref={cancelButton} variant="secondary" onClick={() => void props.api.sessionOidcCancel()}>
          {text.cancel}
        </Button>
      ) : (
        props.providers.map((provider, index) => (
          <Button
            key={provider.id}
            ref={index === 0 ? firstButton : undefined}
            variant={props.purpose === 'unlock' ? 'primary' : 'secondary'}
            onClick={() => void start(provider)}
          >
            {props.purpose === 'unlock' ? text.unlockWith(provider.label) : text.signInWith(provider.label)}
          </Button>
        ))
      )}
    </div>
  );
}

function explain(text: OidcText, code: SessionErrorCode | undefined, message: string, label: string, userName: string | undefined): string {
  if (code === 'oidc-wrong-user' && userName) return text.wrongUser(userName);
  const known = code && code in text.errors ? text.errors[code as keyof OidcText['errors']] : undefined;
  return known ? known(label) : text.other(message);
}
