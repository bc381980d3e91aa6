import { Heading, Link, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { mayWriteActivity } from '../../../../src-shared/domain/access/activity-access';
import type { PlacementActivity } from '../../../../src-shared/domain/placement/activity.schema';
import { placementStatusLabels } from '../../../../src-shared/domain/placement/placement.schema';
import type { PlacementCase } from '../../../../src-shared/domain/placement/placement.workflow';
import { useAppStore } from '../../../app/store';
import { formatDate } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { PageHeading } from '../../../ui/page-heading';
import { usePageTitle } from '../../../ui/use-page-title';
import { useActingUser } from '../../case/acting-user';
import { ActingUserSwitch } from '../../case/acting-user-switch';
import { BackLink, CaseNotShown } from '../../case/case-page-states';
import { FactList } from '../../case/fact-list';
import { useOrganisation } from '../../organisation/use-organisation';
import { CapacityChart } from '../board/capacity-chart';
import { OrderForm } from '../orders/order-form';
import { ACTIVITIES_PATH, activityBoardPath, distributionPath, orderPath } from '../placement-path';
import { usePlacementText } from '../placement-text';
import { ordersOf, useActivities, usePlacementOrders } from '../use-placement-data';
import { ActivityEditor } from './activity-editor';
import { formFromActivity, newActivityForm } from './activity-form';
import '../placement.css';

/** /placement/activities/new — a new activity, for placement administrators. */
export function NewActivityPage() {
  const text = usePlacementText();
  const t = text.form;
  usePageTitle(t.newTitle);
  const actor = useActingUser();
  const organisation = useOrganisation();
  // A new activity's id is fixed while the form is open: saving twice updates the same activity.
  const [id] = useState(() => `activity-${crypto.randomUUID()}`);
  if (!organisation) return <Spinner aria-label={text.loading} />;
  const department = organisation.list('department').find((unit) => actor.scope.departments.includes(unit.id))?.id ?? '';
  const mayCreate = department !== '' && mayWriteActivity(actor, { institution: actor.scope.institution, department });
  return (
    <div className="placement-page">
      <BackLink to={ACTIVITIES_PATH} label={t.back} />
      <PageHeading>{t.newTitle}</PageHeading>
      <ActingUserSwitch />
      {mayCreate ? (
        <ActivityEditor key={actor.userId} existing={null} id={id} initial={newActivityForm(department)} organisation={organisation} actor={actor} />
      ) : (
        <Paragraph>{t.mayNotCreate}</Paragraph>
      )}
    </div>
  );
}

/** /placement/activities/:id — one activity: its form (or facts), its orders, ordering places, and its capacity against demand. */
export function ActivityPage() {
  const { id = '' } = useParams();
  const text = usePlacementText();
  const t = text.form;
  const { locale } = useT();
  const actor = useActingUser();
  const organisation = useOrganisation();
  const activities = useActivities();
  const orders = usePlacementOrders();
  const activity = activities?.find((candidate) => candidate.id === id);
  const title = activity ? t.title(activity.courseCode, formatDate(activity.from, locale)) : '';
  usePageTitle(activity ? title : activities ? t.notFound : text.loading);
  const back = { to: ACTIVITIES_PATH, label: t.back };
  if (!organisation || !activity || !orders) {
    return (
      <CaseNotShown
        missing={activities !== undefined && organisation !== undefined && orders !== undefined}
        back={back}
        texts={{ loading: text.loading, notFound: t.notFound, notFoundBody: t.notFoundBody }}
      />
    );
  }
  const mayWrite = mayWriteActivity(actor, activity);
  const own = ordersOf(orders, activity.id);
  return (
    <div className="placement-page">
      <BackLink {...back} />
      <PageHeading>{title}</PageHeading>
      <ActingUserSwitch />
      <ul className="placement-page__actions">
        <li>
          <Link asChild>
            <RouterLink to={activityBoardPath(activity.id)}>{text.board.open}</RouterLink>
          </Link>
        </li>
        <li>
          <Link asChild>
            <RouterLink to={distributionPath(activity.id)}>{text.distribution}</RouterLink>
          </Link>
        </li>
      </ul>
      {mayWrite ? (
        // Keyed by the stored version too: a change synced in from elsewhere shows as the form's new start.
        <ActivityEditor
          key={`${actor.userId}-${activity.updatedAt}`}
          existing={activity}
          id={activity.id}
          initial={formFromActivity(activity)}
          organisation={organisation}
          actor={actor}
        />
      ) : (
        <>
          <Paragraph>{t.readOnly}</Paragraph>
          <ActivityFacts activity={activity} />
        </>
      )}
      <ActivityOrders orders={own} />
      {mayWrite ? <OrderForm activity={activity} organisation={organisation} /> : null}
      <CapacityChart activity={activity} orders={own} />
    </div>
  );
}

/** What a reader (a head of department) sees of an activity. */
function ActivityFacts({ activity }: { activity: PlacementActivity }) {
  const text = usePlacementText();
  const t = text.form;
  const { locale } = useT();
  return (
    <FactList
      className="placement-facts"
      facts={[
        [t.courseCode, `${activity.courseCode} ${activity.courseName}`],
        [text.list.period, `${formatDate(activity.from, locale)}–${formatDate(activity.to, locale)}`],
        [t.classesLegend, activity.classes.map((c) => (c.teacher ? `${c.name} (${c.teacher.name})` : c.name)).join(', ')],
        [t.requirementsLegend, activity.requirements.join('; ') || '–'],
        [text.list.students, String(activity.students.length)],
      ]}
    />
  );
}

/** The activity's orders, each to its case page (several to one site are listed apart). */
function ActivityOrders({ orders }: { orders: readonly PlacementCase[] }) {
  const t = usePlacementText().orders;
  const language = useAppStore((state) => state.language);
  return (
    <section aria-labelledby="placement-orders-heading">
      <Heading level={2} data-size="sm" id="placement-orders-heading">
        {t.heading}
      </Heading>
      {orders.length === 0 ? (
        <Paragraph>{t.none}</Paragraph>
      ) : (
        <Table aria-label={t.tableLabel} data-size="sm">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.caseNumber}</Table.HeaderCell>
              <Table.HeaderCell>{t.site}</Table.HeaderCell>
              <Table.HeaderCell>{t.classes}</Table.HeaderCell>
              <Table.HeaderCell>{t.requested}</Table.HeaderCell>
              <Table.HeaderCell>{t.confirmed}</Table.HeaderCell>
              <Table.HeaderCell>{t.status}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {orders.map((order) => (
              <Table.Row key={order.id}>
                <Table.Cell>
                  <Link asChild>
                    <RouterLink to={orderPath(order.id)}>{order.caseNumber}</RouterLink>
                  </Link>
                </Table.Cell>
                <Table.Cell>{order.details.site.name}</Table.Cell>
                <Table.Cell>{order.details.activity.classes.join(', ')}</Table.Cell>
                <Table.Cell>{order.details.order.requestedPlaces}</Table.Cell>
                <Table.Cell>{order.details.capacity?.places ?? '–'}</Table.Cell>
                <Table.Cell>{placementStatusLabels[order.status][language]}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
