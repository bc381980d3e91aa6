import { Spinner } from '@digdir/designsystemet-react';
import { useParams } from 'react-router';
import { PageHeading } from '../../../ui/page-heading';
import { usePageTitle } from '../../../ui/use-page-title';
import { BackLink, CaseNotShown } from '../../case/case-page-states';
import { ACTIVITIES_PATH, activityPath } from '../placement-path';
import { usePlacementText } from '../placement-text';
import { ordersOf, useActivities, usePlacementOrders } from '../use-placement-data';
import { CapacityChart } from './capacity-chart';
import { OrderBoardView } from './order-board-view';
import '../placement.css';

/** /placement/board — every order by status, across the activities. */
export function BoardPage() {
  const text = usePlacementText();
  const t = text.board;
  usePageTitle(t.title);
  const orders = usePlacementOrders();
  return (
    <div className="placement-page">
      <BackLink to={ACTIVITIES_PATH} label={t.back} />
      <PageHeading>{t.title}</PageHeading>
      {orders ? <OrderBoardView orders={orders} showCourse /> : <Spinner aria-label={text.loading} />}
    </div>
  );
}

/** /placement/activities/:id/board — the activity's orders by status, and its capacity against demand. */
export function ActivityBoardPage() {
  const { id = '' } = useParams();
  const text = usePlacementText();
  const t = text.board;
  const activities = useActivities();
  const orders = usePlacementOrders();
  const activity = activities?.find((candidate) => candidate.id === id);
  const course = activity ? `${activity.courseCode} ${activity.courseName}` : '';
  usePageTitle(activity ? t.activityTitle(course) : activities ? text.form.notFound : text.loading);
  if (!activity || !orders) {
    return (
      <CaseNotShown
        missing={activities !== undefined && orders !== undefined}
        back={{ to: ACTIVITIES_PATH, label: t.back }}
        texts={{ loading: text.loading, notFound: text.form.notFound, notFoundBody: text.form.notFoundBody }}
      />
    );
  }
  const own = ordersOf(orders, activity.id);
  return (
    <div className="placement-page">
      <BackLink to={activityPath(activity.id)} label={t.backToActivity} />
      <PageHeading>{t.activityTitle(course)}</PageHeading>
      <OrderBoardView orders={own} showCourse={false} />
      <CapacityChart activity={activity} orders={own} />
    </div>
  );
}
