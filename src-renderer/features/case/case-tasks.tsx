import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { Task } from '../../../src-shared/domain/task/task.schema';
import { formatDate } from '../../i18n/format';
import { useT } from '../../i18n/use-t';

export function CaseTasks({ tasks }: { tasks: readonly Task[] | undefined }) {
  const t = useT();
  const sorted = tasks ? [...tasks].sort((a, b) => a.due.localeCompare(b.due)) : undefined;
  return (
    <section aria-labelledby="case-tasks-heading" className="case-tasks">
      <Heading level={2} data-size="sm" id="case-tasks-heading">
        {t.casePage.tasks}
      </Heading>
      {sorted?.length === 0 && <Paragraph>{t.casePage.noTasks}</Paragraph>}
      <ul className="case-tasks__list">
        {sorted?.map((task) => (
          <li key={task.id}>
            <span>{task.title}</span>{' '}
            <Tag data-size="sm" data-color={task.done ? 'success' : 'neutral'}>
              {task.done ? t.casePage.taskDone : t.casePage.taskOpen}
            </Tag>{' '}
            <span className="case-tasks__due">{t.casePage.taskDue(formatDate(task.due, t.locale))}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
