import { Link, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { mayWriteActivity } from '../../../../src-shared/domain/access/activity-access';
import { formatDate } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { PageHeading } from '../../../ui/page-heading';
import { usePageTitle } from '../../../ui/use-page-title';
import { useActingUser } from '../../case/acting-user';
import { ActingUserSwitch } from '../../case/acting-user-switch';
import { activityPath, BOARD_PATH, NEW_ACTIVITY_PATH } from '../placement-path';
import { usePlacementText } from '../placement-text';
import { ordersOf, useActivities, usePlacementOrders } from '../use-placement-data';
import '../placement.css';

/** /placement/activities — the placement activities the user may read, newest period first, with their orders counted. */
export function ActivitiesPage() {
  const text = usePlacementText();
  const t = text.list;
  usePageTitle(t.title);
  const { locale } = useT();
  const actor = useActingUser();
  const activities = useActivities();
  const orders = usePlacementOrders();
  const mayCreate = actor.roles.includes('placementAdmin') && mayWriteActivity(actor, { institution: actor.scope.institution, department: '' });
  return (
    <div className="placement-page">
      <PageHeading>{t.title}</PageHeading>
      <Paragraph>{t.intro}</Paragraph>
      <ActingUserSwitch />
      <ul className="placement-page__actions">
        {mayCreate && (
          <li>
            <Link asChild>
              <RouterLink to={NEW_ACTIVITY_PATH}>{t.newActivity}</RouterLink>
            </Link>
          </li>
        )}
        <li>
          <Link asChild>
            <RouterLink to={BOARD_PATH}>{t.board}</RouterLink>
          </Link>
        </li>
      </ul>
      {!activities || !orders ? (
        <Spinner aria-label={text.loading} />
      ) : activities.length === 0 ? (
        <Paragraph>{t.empty}</Paragraph>
      ) : (
        <Table aria-label={t.tableLabel}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.course}</Table.HeaderCell>
              <Table.HeaderCell>{t.period}</Table.HeaderCell>
              <Table.HeaderCell>{t.classes}</Table.HeaderCell>
              <Table.HeaderCell>{t.students}</Table.HeaderCell>
              <Table.HeaderCell>{t.orders}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {activities.map((activity) => (
              <Table.Row key={activity.id}>
                <Table.Cell>
                  <Link asChild>
                    <RouterLink to={activityPath(activity.id)}>{`${activity.courseCode} ${activity.courseName}`}</RouterLink>
                  </Link>
                </Table.Cell>
                <Table.Cell>{`${formatDate(activity.from, locale)}–${formatDate(activity.to, locale)}`}</Table.Cell>
                <Table.Cell>{activity.classes.map((c) => c.name).join(', ')}</Table.Cell>
                <Table.Cell>{activity.students.length}</Table.Cell>
                <Table.Cell>{ordersOf(orders, activity.id).length}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </div>
  );
}
