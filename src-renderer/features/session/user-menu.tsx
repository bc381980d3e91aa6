import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { DevicesMenuLink } from '../devices/devices-menu-link';
import { useSession } from './session-context';
import { useSessionText } from './session-text';
import './session.css';

/** Header part: who is signed in, lock and sign out. Nothing in demo mode. */
export function UserMenu() {
  const session = useSession();
  const text = useSessionText();
  const [busy, setBusy] = useState(false);
  if (!session) return null;
  const logout = async () => {
    setBusy(true);
    try {
      await session.logout();
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="user-menu" aria-label={text.userMenu.label}>
      <Paragraph data-size="sm" className="user-menu__name">
        {text.userMenu.signedInAs(session.user.name)}
      </Paragraph>
      <DevicesMenuLink />
      <Button variant="tertiary" data-size="sm" onClick={() => session.lock()}>
        {text.userMenu.lock}
      </Button>
      <Button variant="secondary" data-size="sm" loading={busy} onClick={() => void logout()}>
        {text.userMenu.logout}
      </Button>
    </section>
  );
}
