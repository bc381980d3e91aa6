import { Button } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { DEVICES_PAGE_PATH } from './devices-path';
import { useDevicesText } from './devices-text';

/** The user menu's way to the devices page. */
export function DevicesMenuLink() {
  const t = useDevicesText();
  return (
    <Button asChild variant="tertiary" data-size="sm">
      <RouterLink to={DEVICES_PAGE_PATH}>{t.menuLink}</RouterLink>
    </Button>
  );
}
