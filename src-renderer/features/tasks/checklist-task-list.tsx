import { Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import type { Actor } from '../../../src-shared/domain/access/roles';
import { useAppStore } from '../../app/store';
import { formatDate } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { courseCasePath } from '../course-delivery/course-delivery-path';
import { useMyChecklistTasks } from './use-my-checklist-tasks';
import { useTasksText } from './tasks-text';

/**
 * My next steps on the courses' checklists: per course and step, the deadline and whether it is
 * overdue (in words and by the row's edge), each linking to the course's page where it is recorded.
 * Nothing is shown to whoever has none.
 */
export function ChecklistTaskList({ actor, today }: { actor: Actor; today: string }) {
  const t = useT();
  const text = useTasksText();
  const language = useAppStore((state) => state.language);
  const steps = useMyChecklistTasks(actor, today);
  if (!steps || steps.length === 0) return null;
  return (
    <section aria-labelledby="my-checklist-heading" className="my-tasks__checklist">
      <Heading level={2} data-size="sm" id="my-checklist-heading">
        {text.checklist.heading}
      </Heading>
      <Paragraph>{text.checklist.intro}</Paragraph>
      <ul aria-labelledby="my-checklist-heading" className="my-tasks__list">
        {steps.map((mine) => (
          <li
            key={`${mine.caseId}-${mine.step.id}`}
            className={`my-task my-task--${mine.overdue ? 'overdue' : 'later'}`}
            data-step-id={mine.step.id}
            data-case-id={mine.caseId}
          >
            <Paragraph className="my-task__step">{mine.step.label[language]}</Paragraph>
            <span className="my-task__meta">
              <Link asChild>
                <RouterLink to={courseCasePath(mine.caseId)}>{text.checklist.course(mine.course.code, mine.course.name, mine.caseNumber)}</RouterLink>
              </Link>
              <span className="my-task__due">{t.casePage.taskDue(formatDate(mine.due, t.locale))}</span>
              {mine.overdue && (
                <Tag data-color="danger" data-size="sm">
                  {t.overview.overdue}
                </Tag>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
