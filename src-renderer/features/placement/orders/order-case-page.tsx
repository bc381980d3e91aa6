import { Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { placementStatusLabels } from '../../../../src-shared/domain/placement/placement.schema';
import { placementWorkflow, type PlacementCase, type PlacementEvent } from '../../../../src-shared/domain/placement/placement.workflow';
import { useAppStore } from '../../../app/store';
import { useDatabase } from '../../../app/providers';
import { useObservable } from '../../../db/use-observable';
import { formatDate, formatDateTime } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { PageHeading } from '../../../ui/page-heading';
import { usePageTitle } from '../../../ui/use-page-title';
import { useActingUser } from '../../case/acting-user';
import { ActingUserSwitch } from '../../case/acting-user-switch';
import { BackLink, CaseNotShown } from '../../case/case-page-states';
import { FactList } from '../../case/fact-list';
import { StepNotice } from '../../case/step-notice';
import { useStaffDirectory } from '../../case/use-staff-directory';
import { WorkflowDiagram } from '../../case/workflow-diagram';
import { activityPath, BOARD_PATH } from '../placement-path';
import { usePlacementText } from '../placement-text';
import { changeRequestRows, supervisorName } from './change-requests';
import { usePlacementStep } from './use-placement-step';
import '../placement.css';

/** The placement case as a live query of the replica: undefined while loading, null when no placement order has the id. */
function usePlacementOrder(id: string): PlacementCase | null | undefined {
  const db = useDatabase();
  const case$ = useMemo(() => db.cases.findOne(id).$, [db, id]);
  const found = useObservable(case$);
  return found === undefined ? undefined : found && found.type === 'placement' ? (found.toJSON() as unknown as PlacementCase) : null;
}

/** /placement/orders/:id — one order: what is ordered, the site's capacity and staffing, the students, change requests and the steps. */
export function OrderCasePage() {
  const { id = '' } = useParams();
  return <OrderCaseRecord key={id} id={id} />;
}

/** Steps on the page's buttons: the rest are the site's (in the portal) or the distribution's. */
const buttonSteps = ['sendOrder', 'start', 'complete'] as const;

function OrderCaseRecord({ id }: { id: string }) {
  const text = usePlacementText();
  const t = text.order;
  const language = useAppStore((state) => state.language);
  const actor = useActingUser();
  const order = usePlacementOrder(id);
  const step = usePlacementStep();
  const [cancelReason, setCancelReason] = useState('');
  const [cancelProblem, setCancelProblem] = useState<string | undefined>();
  usePageTitle(order ? `${order.caseNumber} ${order.title}` : order === null ? t.notFound : text.loading);
  const activityId = order?.details.activity.id;
  const back = activityId ? { to: activityPath(activityId), label: t.back } : { to: BOARD_PATH, label: t.backToBoard };
  if (!order)
    return <CaseNotShown missing={order === null} back={back} texts={{ loading: text.loading, notFound: t.notFound, notFoundBody: t.notFoundBody }} />;
  const allowed = placementWorkflow.allowedEvents(order, actor);
  const label = (event: string) => placementWorkflow.eventLabel(event)?.[language] ?? event;
  const take = (event: PlacementEvent) => void step.run(event, order);
  const at = () => new Date().toISOString();
  const shown = buttonSteps.filter((event) => allowed.includes(event));
  return (
    <article className="placement-page">
      <BackLink {...back} />
      <PageHeading>{order.title}</PageHeading>
      <ActingUserSwitch />
      <OrderFacts order={order} />
      <Staffing order={order} />
      <DistributedStudents order={order} />
      <ChangeRequests order={order} mayDecide={allowed.includes('decideSupervisorChange')} onDecide={take} />
      <section aria-labelledby="placement-steps-heading">
        <Heading level={2} data-size="sm" id="placement-steps-heading">
          {t.steps}
        </Heading>
        {shown.length === 0 && !allowed.includes('cancel') && <Paragraph>{t.noSteps}</Paragraph>}
        <div className="placement-page__actions">
          {shown.map((event) => (
            <Button key={event} type="button" disabled={step.state.busy} onClick={() => take({ type: event, at: at() })}>
              {label(event)}
            </Button>
          ))}
        </div>
        {allowed.includes('cancel') && (
          <form
            noValidate
            className="placement-form__row"
            onSubmit={(event) => {
              event.preventDefault();
              if (!cancelReason.trim()) return setCancelProblem(t.cancelReasonMissing);
              setCancelProblem(undefined);
              take({ type: 'cancel', at: at(), reason: cancelReason.trim() });
            }}
          >
            <Textfield label={t.cancelReason} value={cancelReason} error={cancelProblem} onChange={(event) => setCancelReason(event.target.value)} />
            <Button type="submit" variant="secondary" disabled={step.state.busy}>
              {label('cancel')}
            </Button>
          </form>
        )}
        <StepNotice
          busy={step.state.busy}
          working={t.working}
          done={step.state.last ? { text: t.done(label(step.state.last.event)), lines: [] } : undefined}
          refused={step.state.error}
        />
      </section>
      <WorkflowDiagram workflow={placementWorkflow} status={order.status} statusLabels={placementStatusLabels} title={t.workflowTitle} />
    </article>
  );
}

function OrderFacts({ order }: { order: PlacementCase }) {
  const t = usePlacementText().order;
  const { locale } = useT();
  const language = useAppStore((state) => state.language);
  const { activity, site, order: asked, capacity, declined, cancelled } = order.details;
  const facts: [string, string][] = [
    [t.caseNumber, order.caseNumber],
    [t.status, placementStatusLabels[order.status][language]],
    [t.course, `${activity.courseCode} ${activity.courseName}`],
    [t.period, `${formatDate(activity.from, locale)}–${formatDate(activity.to, locale)}`],
    [t.site, site.unit ? `${site.name}, ${site.unit}` : site.name],
    [t.classes, activity.classes.join(', ')],
    [t.requirements, activity.requirements.join('; ') || '–'],
    [
      t.teachers,
      (activity.teachers ?? []).map((teacher) => `${teacher.className}: ${teacher.name}${teacher.email ? ` (${teacher.email})` : ''}`).join('; ') || '–',
    ],
    [t.requested, String(asked.requestedPlaces)],
    [t.sentAt, asked.sentAt ? formatDateTime(asked.sentAt, locale) : t.notSent],
    [t.capacity, capacity ? t.capacityConfirmed(capacity.places, formatDateTime(capacity.confirmedAt, locale)) : t.noCapacity],
  ];
  if (declined) facts.push([t.status, t.declined(declined.reason)]);
  if (cancelled) facts.push([t.status, t.cancelledBecause(cancelled.reason)]);
  return (
    <section aria-labelledby="placement-facts-heading">
      <Heading level={2} data-size="sm" id="placement-facts-heading">
        {t.facts}
      </Heading>
      <FactList className="placement-facts" facts={facts} />
    </section>
  );
}

function Staffing({ order }: { order: PlacementCase }) {
  const t = usePlacementText().order;
  const staffing = order.details.staffing ?? [];
  return (
    <section aria-labelledby="placement-staffing-heading">
      <Heading level={2} data-size="sm" id="placement-staffing-heading">
        {t.staffing}
      </Heading>
      {staffing.length === 0 && <Paragraph>{t.noStaffing}</Paragraph>}
      {staffing.map((entry) => (
        <div key={entry.className}>
          <Paragraph>{t.coordinator(`${entry.coordinator.name}${entry.coordinator.email ? ` (${entry.coordinator.email})` : ''}`)}</Paragraph>
          <Table aria-label={t.staffingLabel(entry.className)} data-size="sm">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t.supervisorName}</Table.HeaderCell>
                <Table.HeaderCell>{t.email}</Table.HeaderCell>
                <Table.HeaderCell>{t.limit}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {entry.supervisors.map((supervisor) => (
                <Table.Row key={supervisor.userId}>
                  <Table.Cell>{supervisor.name}</Table.Cell>
                  <Table.Cell>{supervisor.email ?? '–'}</Table.Cell>
                  <Table.Cell>{supervisor.limit}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ))}
    </section>
  );
}

function DistributedStudents({ order }: { order: PlacementCase }) {
  const t = usePlacementText().order;
  const students = order.details.distribution?.students ?? [];
  return (
    <section aria-labelledby="placement-students-heading">
      <Heading level={2} data-size="sm" id="placement-students-heading">
        {t.students}
      </Heading>
      {students.length === 0 ? (
        <Paragraph>{t.noStudents}</Paragraph>
      ) : (
        <Table aria-label={t.studentsLabel} data-size="sm">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.studentName}</Table.HeaderCell>
              <Table.HeaderCell>{t.studentClass}</Table.HeaderCell>
              <Table.HeaderCell>{t.supervisor}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {students.map((student) => (
              <Table.Row key={student.personId}>
                <Table.Cell>{student.name}</Table.Cell>
                <Table.Cell>{student.className}</Table.Cell>
                <Table.Cell>{supervisorName(order, student.supervisorId)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}

/** The site's requests to change a student's supervisor: decided ones with their answer, open ones with Approve / Refuse. */
function ChangeRequests({ order, mayDecide, onDecide }: { order: PlacementCase; mayDecide: boolean; onDecide: (event: PlacementEvent) => void }) {
  const t = usePlacementText().order;
  const { locale } = useT();
  const staff = useStaffDirectory();
  const [comments, setComments] = useState<Record<string, string>>({});
  const rows = changeRequestRows(order);
  return (
    <section aria-labelledby="placement-changes-heading">
      <Heading level={2} data-size="sm" id="placement-changes-heading">
        {t.changes}
      </Heading>
      {rows.length === 0 && <Paragraph>{t.noChanges}</Paragraph>}
      <ul className="placement-changes">
        {rows.map(({ id, student, from, to, reason, decision }) => {
          const decide = (approved: boolean) =>
            onDecide({ type: 'decideSupervisorChange', at: new Date().toISOString(), requestId: id, approved, comment: (comments[id] ?? '').trim() });
          return (
            <li key={id}>
              <Paragraph>{t.change(student, from, to)}</Paragraph>
              <Paragraph data-size="sm">{t.reason(reason)}</Paragraph>
              {decision ? (
                <Paragraph data-size="sm">
                  {t.decided(decision.approved, staff.member(decision.by)?.name ?? decision.by, formatDateTime(decision.at, locale), decision.comment)}
                </Paragraph>
              ) : (
                mayDecide && (
                  <div className="placement-form__row">
                    <Textfield
                      label={t.commentFor(student)}
                      value={comments[id] ?? ''}
                      onChange={(event) => setComments((all) => ({ ...all, [id]: event.target.value }))}
                    />
                    <Button type="button" onClick={() => decide(true)}>
                      {t.approve}
                    </Button>
                    <Button type="button" variant="secondary" onClick={() => decide(false)}>
                      {t.refuse}
                    </Button>
                  </div>
                )
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
