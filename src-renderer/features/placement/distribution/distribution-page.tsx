import { Alert, Button, Heading, Link, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { blockingSentenceNb, placesFor, type ActivityInstance } from '../../../../src-shared/domain/placement/distribution';
import { useAppStore } from '../../../app/store';
import { formatDateTime } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { PageHeading } from '../../../ui/page-heading';
import { usePageTitle } from '../../../ui/use-page-title';
import { ActingUserSwitch } from '../../case/acting-user-switch';
import { activityPath } from '../placement-path';
import { AdjustPlacement } from './adjust-placement';
import { useDistributionText } from './distribution-text';
import { distributionLabels, orderBars, studentRows, type StudentRow } from './distribution-view';
import { PlacesChart } from './places-chart';
import { useDistribution } from './use-distribution';
import './distribution.css';

/** /placement/activities/:id/distribution — distribute the activity's students over its orders, adjust by hand, publish. */
export function DistributionPage() {
  const { id = '' } = useParams();
  const t = useDistributionText();
  const { locale } = useT();
  const language = useAppStore((state) => state.language);
  const distribution = useDistribution(id);
  const { activity, orders, built, mayWrite, solveState, publish } = distribution;
  usePageTitle(activity ? t.title(activity.courseCode) : t.title(''));
  if (activity === undefined || orders === undefined || built === undefined) return <Spinner aria-label={t.loading} />;
  if (activity === null)
    return (
      <>
        <PageHeading>{t.notFound}</PageHeading>
        <Paragraph>{t.notFoundBody}</Paragraph>
      </>
    );
  const current = activity.distribution;
  const busy = solveState.kind === 'running' || publish.state.busy;
  const published = current?.publishedAt !== undefined;
  const at = (value: string) => formatDateTime(value, locale);
  // The solver says what blocks whom in English; in bokmål the same check is told again on the instance as it is now.
  const blocking =
    current?.status === 'infeasible' && language === 'nb' && built.ok
      ? (blockingSentenceNb(built.value.instance, distributionLabels(activity, built.value)) ?? current.blocking)
      : current?.blocking;
  const cost = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);

  return (
    <div className="distribution">
      <Link asChild>
        <RouterLink to={activityPath(activity.id)}>{t.back}</RouterLink>
      </Link>
      <PageHeading>{t.title(`${activity.courseCode} ${activity.courseName}`)}</PageHeading>
      <Paragraph>{t.intro}</Paragraph>
      <ActingUserSwitch />
      {!mayWrite && <Paragraph data-size="sm">{t.readOnly}</Paragraph>}
      {!built.ok && (
        <Alert data-color="danger">
          <Paragraph>{built.message}</Paragraph>
        </Alert>
      )}

      <section aria-labelledby="distribution-places">
        <Heading level={2} data-size="sm" id="distribution-places">
          {t.places}
        </Heading>
        {built.ok && <PlacesChart bars={orderBars(built.value, current, orders)} />}
        {built.ok && built.value.orders.length === 0 && !published && <Paragraph>{t.noOrders}</Paragraph>}
      </section>

      {mayWrite && built.ok && (
        <div className="distribution__actions" aria-busy={busy}>
          <Button onClick={() => void distribution.solve()} disabled={busy || published || built.value.orders.length === 0 || activity.students.length === 0}>
            {current ? t.rerun : t.distribute}
          </Button>
          <Button variant="secondary" onClick={() => void publish.run({ type: 'publish' })} disabled={busy || published || current?.status !== 'optimal'}>
            {t.publish}
          </Button>
          {solveState.kind === 'running' && <Spinner aria-label={t.running} data-size="sm" />}
          {publish.state.busy && <Spinner aria-label={t.publishing} data-size="sm" />}
        </div>
      )}
      {solveState.kind === 'failed' && (
        <Alert data-color="danger" role="alert">
          <Heading level={2} data-size="xs">
            {t.solveFailed}
          </Heading>
          <Paragraph>{solveState.message}</Paragraph>
          <Button variant="tertiary" onClick={distribution.dismiss}>
            {t.dismiss}
          </Button>
        </Alert>
      )}
      <PublishOutcome state={publish.state} published={published} orderCount={built.ok ? built.value.orders.length : 0} />

      {current && (
        <section aria-labelledby="distribution-result">
          <Heading level={2} data-size="sm" id="distribution-result">
            {t.result}
          </Heading>
          {current.status === 'optimal' ? (
            <Paragraph>{t.totalCost(cost(current.totalCost ?? 0))}</Paragraph>
          ) : (
            <Alert data-color="warning">
              <Heading level={3} data-size="xs">
                {t.infeasible}
              </Heading>
              <Paragraph>{blocking}</Paragraph>
            </Alert>
          )}
          <Paragraph data-size="sm">{t.ranAt(at(current.ranAt))}</Paragraph>
          {current.publishedAt && <Paragraph data-size="sm">{t.publishedAt(at(current.publishedAt))}</Paragraph>}
          {built.ok && !published && built.value.staleLocks.length > 0 && <Paragraph data-size="sm">{t.staleLocks(built.value.staleLocks.length)}</Paragraph>}
        </section>
      )}

      <StudentTable
        rows={studentRows(activity, orders)}
        built={built.ok ? built.value : undefined}
        editable={mayWrite && !busy && !published && current !== undefined}
        onAdjust={distribution.adjust}
        cost={cost}
      />
    </div>
  );
}

function PublishOutcome({
  state,
  published,
  orderCount,
}: {
  state: ReturnType<typeof useDistribution>['publish']['state'];
  published: boolean;
  orderCount: number;
}) {
  const t = useDistributionText();
  if (state.error)
    return (
      <Alert data-color="danger" role="alert">
        <Paragraph>{state.error}</Paragraph>
      </Alert>
    );
  if (!state.last) return null;
  const results = state.last.reports;
  const refused = results.filter(({ outcome }) => outcome.kind !== 'done');
  const done = results.length - refused.length;
  return (
    <Alert data-color={refused.length ? 'warning' : 'success'} role="status">
      {done > 0 && <Paragraph>{t.published(done)}</Paragraph>}
      {refused.map(({ case: order, outcome }) => (
        <Paragraph key={order.id}>{t.publishRefused(order.title, outcome.kind === 'done' ? '' : outcome.message)}</Paragraph>
      ))}
      {published && orderCount > results.length && <Paragraph>{t.emptyOrders(orderCount - results.length)}</Paragraph>}
    </Alert>
  );
}

function StudentTable({
  rows,
  built,
  editable,
  onAdjust,
  cost,
}: {
  rows: StudentRow[];
  built: ActivityInstance | undefined;
  editable: boolean;
  onAdjust: ReturnType<typeof useDistribution>['adjust'];
  cost: (value: number) => string;
}) {
  const t = useDistributionText();
  const language = useAppStore((state) => state.language);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section aria-labelledby="distribution-students">
      <Heading level={2} data-size="sm" id="distribution-students">
        {t.students}
      </Heading>
      {rows.length === 0 ? (
        <Paragraph>{t.noStudents}</Paragraph>
      ) : (
        <Table zebra className="distribution__table">
          <caption className="ds-sr-only">{t.studentsTable}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.student}</Table.HeaderCell>
              <Table.HeaderCell>{t.className}</Table.HeaderCell>
              <Table.HeaderCell>{t.site}</Table.HeaderCell>
              <Table.HeaderCell>{t.supervisor}</Table.HeaderCell>
              <Table.HeaderCell>{t.cost}</Table.HeaderCell>
              <Table.HeaderCell>{t.why}</Table.HeaderCell>
              <Table.HeaderCell>{t.adjust}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((row) => (
              <Table.Row key={row.personId}>
                <Table.HeaderCell scope="row">{row.name}</Table.HeaderCell>
                <Table.Cell>{row.className}</Table.Cell>
                <Table.Cell>{row.site ?? t.notPlaced}</Table.Cell>
                <Table.Cell>{row.supervisor ?? '–'}</Table.Cell>
                <Table.Cell>{row.cost === undefined ? '–' : cost(row.cost)}</Table.Cell>
                <Table.Cell>{row.why?.[language] ?? ''}</Table.Cell>
                <Table.Cell>
                  {row.locked && (
                    <Tag data-color="info" data-size="sm">
                      {t.locked}
                    </Tag>
                  )}
                  {editable && built && editing !== row.personId && (
                    <div className="distribution__row-actions">
                      <Button variant="tertiary" data-size="sm" onClick={() => setEditing(row.personId)} aria-label={t.change(row.name)}>
                        {t.adjust}
                      </Button>
                      {row.locked && (
                        <Button variant="tertiary" data-size="sm" onClick={() => void onAdjust({ personId: row.personId, unlock: true })}>
                          {t.unlock(row.name)}
                        </Button>
                      )}
                    </div>
                  )}
                  {editable && built && editing === row.personId && (
                    <AdjustPlacement
                      row={row}
                      places={placesFor(built, row.personId)}
                      onLock={async (orderId, supervisorId) => {
                        await onAdjust({ personId: row.personId, orderId, supervisorId });
                        setEditing(null);
                      }}
                      onCancel={() => setEditing(null)}
                    />
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
