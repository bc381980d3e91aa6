import { NavLink } from 'react-router';
import { useActingUser } from '../case/acting-user';
import { ACTIVITIES_PATH } from './placement-path';
import { usePlacementText } from './placement-text';

/** "Praksis" in the main navigation, for those who keep or read placement activities. */
export function PlacementNavLink() {
  const text = usePlacementText();
  const actor = useActingUser();
  if (!actor.roles.some((role) => role === 'placementAdmin' || role === 'departmentHead')) return null;
  return (
    <li>
      <NavLink to={ACTIVITIES_PATH}>{text.nav}</NavLink>
    </li>
  );
}
