import { Button, Paragraph } from '@digdir/designsystemet-react';
import { FailureAlert } from './failure-alert';
import { useState } from 'react';
import type { SaksflytApi } from '../../../src-shared/ipc/channels';
import type { SessionGrant, SessionUser } from '../../../src-shared/ipc/session.contract';
import { OidcSignIn } from './oidc-sign-in';
import { useOidcText } from './oidc-text';
import { SessionScreen } from './session-screen';
import { useSessionText } from './session-text';
import { useOidcProviders } from './use-oidc-providers';

/**
 * The lock screen of a user signed in through a provider (Feide): there is no local password, so
 * the provider signs the user in again, and the main process unlocks only for the same user.
 */
export function OidcLockScreen(props: { api: SaksflytApi; user: SessionUser; providerId: string; onUnlocked(grant: SessionGrant): void; onSignedOut(): void }) {
  const text = useSessionText();
  const oidcText = useOidcText();
  const [failure, setFailure] = useState<string | null>(null);
  const offered = useOidcProviders(props.api).find((provider) => provider.id === props.providerId);
  // Offline the server's list is empty: the id, capitalised, names the provider.
  const provider = offered ?? { id: props.providerId, label: props.providerId.charAt(0).toUpperCase() + props.providerId.slice(1) };
  return (
    <SessionScreen title={text.lock.title}>
      <Paragraph>{oidcText.unlockBody(props.user.name, provider.label)}</Paragraph>
      <FailureAlert failure={failure} />
      <OidcSignIn
        api={props.api}
        purpose="unlock"
        providers={[provider]}
        userName={props.user.name}
        onGranted={props.onUnlocked}
        onFailure={setFailure}
        onSignedOut={props.onSignedOut}
      />
      <Button variant="tertiary" onClick={() => props.onSignedOut()}>
        {text.lock.signOut}
      </Button>
    </SessionScreen>
  );
}
