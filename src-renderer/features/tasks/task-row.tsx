import { Checkbox, Link, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import type { MyTask } from '../../../src-shared/domain/task/my-tasks';
import type { Task } from '../../../src-shared/domain/task/task.schema';
import { formatDate } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { casePathOf } from './case-link';
import { useTasksText } from './tasks-text';

/**
 * One task: a checkbox named by the task that ticks it off, described by its case (a link to it),
 * case type and deadline; overdue and due-soon are said in words, and shown by the row's edge.
 */
export function TaskRow({ mine, onToggle }: { mine: MyTask; onToggle: (task: Task) => void }) {
  const t = useT();
  const text = useTasksText();
  const { task, case: c, urgency, canToggle } = mine;
  return (
    <li className={`my-task my-task--${urgency ?? 'done'}`} data-task-id={task.id}>
      <Checkbox
        label={task.title}
        checked={task.done}
        disabled={!canToggle}
        onChange={() => onToggle(task)}
        description={
          <span className="my-task__meta">
            <Link asChild>
              <RouterLink to={casePathOf(c)} className="my-task__case">
                {c.caseNumber} {c.title}
              </RouterLink>
            </Link>
            <span className="my-task__type">{t.caseTypes[c.type]}</span>
            <span className="my-task__due">{t.casePage.taskDue(formatDate(task.due, t.locale))}</span>
            {urgency === 'overdue' && (
              <Tag data-color="danger" data-size="sm">
                {t.overview.overdue}
              </Tag>
            )}
            {urgency === 'dueSoon' && (
              <Tag data-color="warning" data-size="sm">
                {text.dueSoon}
              </Tag>
            )}
            {task.done && (
              <Tag data-color="success" data-size="sm">
                {text.done}
              </Tag>
            )}
            {!canToggle && <span className="my-task__read-only">{text.readOnly}</span>}
          </span>
        }
      />
    </li>
  );
}
