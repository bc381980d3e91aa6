import { NavLink } from 'react-router';
import { APPROVAL_PATH } from '../features/approval/approval-path';
import { CourseNavLink } from '../features/course-delivery/course-nav-link';
import { NOMINATION_PATH } from '../features/nomination/nomination-path';
import { FOLLOW_UP_PATH } from '../features/follow-up/follow-up-path';
import { PlacementNavLink } from '../features/placement/placement-nav-link';
import { UserMenu } from '../features/session/user-menu';
import { TasksNavLink } from '../features/tasks/tasks-nav-link';
import { useT } from '../i18n/use-t';
import { LanguageSwitch } from './language-switch';

export function AppHeader() {
  const t = useT();
  return (
    <header className="app-header">
      <p className="app-header__name">{t.app.name}</p>
      <nav aria-label={t.nav.label} className="app-header__nav">
        <ul>
          <li>
            <NavLink to="/" end>
              {t.nav.overview}
            </NavLink>
          </li>
          <li>
            <NavLink to={FOLLOW_UP_PATH}>{t.nav.followUp}</NavLink>
          </li>
          <li>
            <NavLink to={APPROVAL_PATH}>{t.nav.approval}</NavLink>
          </li>
          <li>
            <NavLink to={NOMINATION_PATH}>{t.nav.nomination}</NavLink>
          </li>
          <PlacementNavLink />
          <CourseNavLink />
          <li>
            <TasksNavLink />
          </li>
          <li>
            <NavLink to="/settings">{t.nav.settings}</NavLink>
          </li>
        </ul>
      </nav>
      <UserMenu />
      <LanguageSwitch />
    </header>
  );
}
