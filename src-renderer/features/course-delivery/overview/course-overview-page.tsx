import { Link, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { courseDeliveryStatusLabels } from '../../../../src-shared/domain/course-delivery';
import { useAppStore } from '../../../app/store';
import { formatDate } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { PageHeading } from '../../../ui/page-heading';
import { usePageTitle } from '../../../ui/use-page-title';
import { useToday } from '../../../ui/use-today';
import { useActingUser } from '../../case/acting-user';
import { ActingUserSwitch } from '../../case/acting-user-switch';
import { courseCasePath, NEW_COURSE_PATH } from '../course-delivery-path';
import { useCourseDeliveryText } from '../course-delivery-text';
import { useCourseCases } from '../use-course-case';
import { courseOverviewRows } from './course-overview';
import { CourseRowTimeline } from './course-row-timeline';
import '../course-delivery.css';

/** /kurs — "Mine kurs": the running courses, one row each with its checklist as a small timeline and what is overdue. */
export function CourseOverviewPage() {
  const text = useCourseDeliveryText();
  const t = text.overview;
  const { locale } = useT();
  const language = useAppStore((state) => state.language);
  usePageTitle(t.title);
  const actor = useActingUser();
  const today = useToday();
  const courses = useCourseCases();
  const rows = useMemo(() => (courses ? courseOverviewRows(actor, courses, today) : undefined), [actor, courses, today]);
  return (
    <div className="course-overview">
      <PageHeading>{t.title}</PageHeading>
      <ActingUserSwitch />
      <Paragraph>{t.intro}</Paragraph>
      {actor.roles.includes('departmentHead') && (
        <Paragraph>
          <Link asChild>
            <RouterLink to={NEW_COURSE_PATH}>{t.newCourse}</RouterLink>
          </Link>
        </Paragraph>
      )}
      {!rows ? (
        <Spinner aria-label={text.loading} />
      ) : rows.length === 0 ? (
        <Paragraph>{t.empty}</Paragraph>
      ) : (
        <Table aria-label={t.tableLabel} data-size="sm" className="course-overview__table" data-testid="course-overview">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.course}</Table.HeaderCell>
              <Table.HeaderCell>{t.period}</Table.HeaderCell>
              <Table.HeaderCell>{t.status}</Table.HeaderCell>
              <Table.HeaderCell>{t.progress}</Table.HeaderCell>
              <Table.HeaderCell>{t.overdue}</Table.HeaderCell>
              <Table.HeaderCell>{t.timeline}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((row) => {
              const { caseDoc } = row;
              const name = `${caseDoc.details.course.code} ${caseDoc.details.course.name}`;
              return (
                <Table.Row key={caseDoc.id} data-case-id={caseDoc.id} className="course-overview__row">
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={courseCasePath(caseDoc.id)}>{name}</RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>
                    {formatDate(row.dates.startDate, locale)}–{formatDate(row.dates.endDate, locale)}
                  </Table.Cell>
                  <Table.Cell>{courseDeliveryStatusLabels[caseDoc.status][language]}</Table.Cell>
                  <Table.Cell>{t.done(row.settled, row.total)}</Table.Cell>
                  <Table.Cell>
                    {row.overdue > 0 ? (
                      <Tag data-color="danger" data-size="sm">
                        {text.timeline.overdueCount(row.overdue)}
                      </Tag>
                    ) : (
                      t.none
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    <CourseRowTimeline row={row} today={today} label={t.rowTimeline(name, row.overdue)} />
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      )}
    </div>
  );
}
