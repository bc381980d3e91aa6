import { NavLink } from 'react-router';
import { useT } from '../../i18n/use-t';
import { useToday } from '../../ui/use-today';
import { useActingUser } from '../case/acting-user';
import { TASKS_PATH } from './tasks-path';
import { useMyTasks } from './use-my-tasks';
import { useTasksText } from './tasks-text';
import './tasks.css';

/** "Mine oppgaver" in the main navigation, with the number of my open tasks as a badge. */
export function TasksNavLink() {
  const t = useT();
  const text = useTasksText();
  const open = useMyTasks(useActingUser(), useToday(), false)?.length ?? 0;
  return (
    <NavLink to={TASKS_PATH}>
      {t.nav.tasks}
      {open > 0 && (
        <>
          <span className="my-tasks-nav__badge" aria-hidden="true">
            {open}
          </span>
          <span className="ds-sr-only"> ({text.navBadge(open)})</span>
        </>
      )}
    </NavLink>
  );
}
