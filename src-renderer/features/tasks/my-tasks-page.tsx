import { Paragraph, Spinner, Switch } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import type { Task } from '../../../src-shared/domain/task/task.schema';
import { useDatabase } from '../../app/providers';
import { useT } from '../../i18n/use-t';
import { PageHeading } from '../../ui/page-heading';
import { usePageTitle } from '../../ui/use-page-title';
import { useToday } from '../../ui/use-today';
import { useActingUser } from '../case/acting-user';
import { ActingUserSwitch } from '../case/acting-user-switch';
import { ChecklistTaskList } from './checklist-task-list';
import { TaskRow } from './task-row';
import { toggleTask } from './toggle-task';
import { useMyTasks } from './use-my-tasks';
import { useTasksText } from './tasks-text';
import './tasks.css';

/** /tasks — "Mine oppgaver": my tasks across every case type, by deadline; ticked off right here. */
export function MyTasksPage() {
  const t = useT();
  const text = useTasksText();
  usePageTitle(t.nav.tasks);
  const db = useDatabase();
  const actor = useActingUser();
  const today = useToday();
  const [includeDone, setIncludeDone] = useState(false);
  const tasks = useMyTasks(actor, today, includeDone);
  const [message, setMessage] = useState('');
  const page = useRef<HTMLDivElement>(null);
  // After a tick-off the row leaves the list: focus moves to the row that took its place, or to
  // the heading when it was the last one.
  const refocus = useRef<number | null>(null);
  useEffect(() => {
    if (refocus.current === null || !tasks) return;
    const rows = page.current?.querySelectorAll('.my-tasks__list > li');
    const row = rows?.[Math.min(refocus.current, rows.length - 1)];
    const next = row?.querySelector<HTMLElement>('input:not(:disabled), a') ?? page.current?.querySelector('h1');
    next?.focus();
    refocus.current = null;
  }, [tasks]);

  const toggle = async (task: Task) => {
    refocus.current = includeDone ? null : (tasks?.findIndex((mine) => mine.task.id === task.id) ?? null);
    try {
      const next = await toggleTask(db, task);
      setMessage(next.done ? text.ticked(task.title) : text.reopened(task.title));
    } catch {
      refocus.current = null;
      setMessage(text.failed(task.title));
    }
  };

  const open = tasks?.filter((mine) => !mine.task.done).length ?? 0;
  return (
    <div className="my-tasks" ref={page}>
      <PageHeading>{t.nav.tasks}</PageHeading>
      <ActingUserSwitch />
      <Paragraph>{text.intro}</Paragraph>
      <Switch className="my-tasks__show-done" label={text.showDone} checked={includeDone} onChange={(event) => setIncludeDone(event.target.checked)} />
      <Paragraph role="status" className="my-tasks__status">
        {message}
      </Paragraph>
      {!tasks ? (
        <Spinner aria-label={text.loading} />
      ) : tasks.length === 0 ? (
        <Paragraph>{includeDone ? text.emptyWithDone : text.empty}</Paragraph>
      ) : (
        <>
          <Paragraph className="my-tasks__count">{text.count(open)}</Paragraph>
          <ul aria-label={text.listLabel} className="my-tasks__list">
            {tasks.map((mine) => (
              <TaskRow key={mine.task.id} mine={mine} onToggle={(task) => void toggle(task)} />
            ))}
          </ul>
        </>
      )}
      <ChecklistTaskList actor={actor} today={today} />
    </div>
  );
}
