import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import {
  checklistStateLabels,
  checklistStates,
  checklistTimeline,
  courseDatesOf,
  mayRecordStep,
  type TimelineItem,
} from '../../../../src-shared/domain/course-delivery/checklist';
import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import { useAppStore } from '../../../app/store';
import { formatDate, formatDateTime } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import type { ActingUser } from '../../case/acting-user';
import { useStaffDirectory } from '../../case/use-staff-directory';
import { useCourseDeliveryText } from '../course-delivery-text';
import { StepRecordForm } from './step-record-form';
import { timelineGeometry } from './timeline-geometry';
import { MarkerIcon, MarkerShape } from './timeline-marker';
import './course-timeline.css';

const LAYOUT = { width: 1000, margin: 16, laneHeight: 16, minGap: 14 };
/** Band labels, month ticks, then the lanes of markers; today's label below. */
const MARKERS_TOP = 58;

/**
 * The course's checklist: an SVG timeline (before / during / after bands, a marker per step at its
 * due date, today's line, overdue in red with "!") with a text summary, and the same steps as
 * tables per phase, which are the real content; a step chosen in either opens its record form.
 */
export function CourseTimeline({ caseDoc, actor, today }: { caseDoc: CourseDeliveryCase; actor: ActingUser; today: string }) {
  const text = useCourseDeliveryText();
  const t = text.timeline;
  const { locale } = useT();
  const language = useAppStore((state) => state.language);
  const titleId = useId();
  const [selected, setSelected] = useState<string | null>(null);
  const checklist = caseDoc.details.checklist;
  const dates = courseDatesOf(caseDoc.details);
  const phases = checklistTimeline(checklist ?? {}, dates, today);
  const geometry = timelineGeometry(phases, dates, today, LAYOUT);
  const items = phases.flatMap((phase) => phase.items);
  const overdue = items.filter((item) => item.overdue).length;
  const settled = items.filter((item) => item.state === 'done' || item.state === 'notApplicable').length;
  const height = MARKERS_TOP + geometry.lanes * LAYOUT.laneHeight + 24;
  const date = (iso: string) => formatDate(iso, locale);
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const chosen = items.find((item) => item.step.id === selected);
  const stepState = (item: TimelineItem) => `${checklistStateLabels[item.state][language]}${item.overdue ? `, ${text.overdue.toLowerCase()}` : ''}`;

  return (
    <section aria-labelledby={`${titleId}-heading`} className="course-timeline">
      <Heading level={2} data-size="sm" id={`${titleId}-heading`}>
        {t.heading}
      </Heading>
      <Paragraph data-size="sm">{t.intro}</Paragraph>
      <figure className="course-timeline__figure">
        <svg
          role="img"
          aria-label={t.summary(date(geometry.from), date(geometry.to), overdue, settled, items.length)}
          viewBox={`0 0 ${LAYOUT.width} ${height}`}
          className="course-timeline__svg"
          data-testid="course-timeline"
        >
          {geometry.bands.map((band) => (
            <g key={band.band} className={`course-timeline__band course-timeline__band--${band.band}`} data-band={band.band}>
              <rect x={band.x} y={0} width={band.width} height={height - 20} />
              <text x={band.x + 4} y={14}>
                {band.width > 70 ? text.phases[band.band] : ''}
              </text>
            </g>
          ))}
          {geometry.months.map((m) => (
            <g key={m.date} className="course-timeline__month">
              <line x1={m.x} x2={m.x} y1={22} y2={height - 20} />
              <text x={m.x + 3} y={34}>
                {month.format(new Date(`${m.date}T00:00:00Z`))}
              </text>
            </g>
          ))}
          {geometry.markers.map(({ item, x, lane }) => (
            <g
              key={item.step.id}
              data-step-id={item.step.id}
              data-state={item.state}
              data-overdue={item.overdue}
              className="course-timeline__step"
              onClick={() => setSelected(item.step.id)}
            >
              <title>{`${item.step.label[language]}: ${date(item.due)}, ${stepState(item)}`}</title>
              <MarkerShape state={item.state} overdue={item.overdue} x={x} y={MARKERS_TOP + lane * LAYOUT.laneHeight} />
            </g>
          ))}
          {geometry.todayX !== null && (
            <g className="course-timeline__today" data-testid="course-timeline-today">
              <line x1={geometry.todayX} x2={geometry.todayX} y1={18} y2={height - 16} />
              <text x={geometry.todayX} y={height - 4} textAnchor="middle">
                {t.today}
              </text>
            </g>
          )}
          {overdue > 0 && (
            <text x={LAYOUT.width - LAYOUT.margin} y={height - 4} textAnchor="end" className="course-timeline__overdue-count">
              {t.overdueCount(overdue)}
            </text>
          )}
        </svg>
        <figcaption>
          {geometry.todayX === null && <Paragraph data-size="sm">{t.todayOutside(date(today))}</Paragraph>}
          <ul className="course-timeline__legend" aria-label={t.legend}>
            {checklistStates.map((state) => (
              <li key={state}>
                <MarkerIcon state={state} />
                {checklistStateLabels[state][language]}
              </li>
            ))}
            <li>
              <MarkerIcon state="notStarted" overdue />
              {text.overdue}
            </li>
          </ul>
        </figcaption>
      </figure>
      {chosen && <StepRecordForm key={chosen.step.id} caseDoc={caseDoc} item={chosen} actor={actor} onClose={() => setSelected(null)} />}
      {phases.map((phase) => (
        <PhaseTable key={phase.phase} phase={phase} caseDoc={caseDoc} actor={actor} onSelect={setSelected} />
      ))}
    </section>
  );
}

function PhaseTable({
  phase,
  caseDoc,
  actor,
  onSelect,
}: {
  phase: ReturnType<typeof checklistTimeline>[number];
  caseDoc: CourseDeliveryCase;
  actor: ActingUser;
  onSelect: (stepId: string) => void;
}) {
  const text = useCourseDeliveryText();
  const t = text.timeline;
  const { locale } = useT();
  const language = useAppStore((state) => state.language);
  const staff = useStaffDirectory();
  const headingId = useId();
  const name = text.phases[phase.phase];
  return (
    <>
      <Heading level={3} data-size="xs" id={headingId}>
        {t.phaseHeading(name, formatDate(phase.from, locale), formatDate(phase.to, locale))}
      </Heading>
      <Table aria-labelledby={headingId} data-size="sm" className="course-timeline__table">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t.step}</Table.HeaderCell>
            <Table.HeaderCell>{t.owner}</Table.HeaderCell>
            <Table.HeaderCell>{t.due}</Table.HeaderCell>
            <Table.HeaderCell>{t.state}</Table.HeaderCell>
            <Table.HeaderCell>{t.action}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {phase.items.map((item) => {
            const entry = caseDoc.details.checklist?.[item.step.id];
            const label = item.step.label[language];
            const mine = mayRecordStep(actor, item.step, caseDoc.details.teachingResource.userId);
            return (
              <Table.Row key={item.step.id} data-step-id={item.step.id} data-overdue={item.overdue}>
                <Table.Cell>{label}</Table.Cell>
                <Table.Cell>{text.owners[item.step.owner]}</Table.Cell>
                <Table.Cell>{formatDate(item.due, locale)}</Table.Cell>
                <Table.Cell>
                  <span className="course-timeline__state">
                    <MarkerIcon state={item.state} overdue={item.overdue} />
                    {checklistStateLabels[item.state][language]}
                    {item.overdue && (
                      <Tag data-color="danger" data-size="sm">
                        {text.overdue}
                      </Tag>
                    )}
                  </span>
                  {entry?.reference && <span className="course-timeline__note">{t.reference(entry.reference)}</span>}
                  {entry?.reason && <span className="course-timeline__note">{t.reason(entry.reason)}</span>}
                  {entry && (
                    <span className="course-timeline__note">
                      {t.changed(staff.member(entry.changedBy)?.name ?? entry.changedBy, formatDateTime(entry.changedAt, locale))}
                    </span>
                  )}
                </Table.Cell>
                <Table.Cell>
                  <Button
                    type="button"
                    variant={mine ? 'secondary' : 'tertiary'}
                    data-size="sm"
                    aria-label={mine ? t.record(label) : t.show(label)}
                    onClick={() => onSelect(item.step.id)}
                  >
                    {mine ? t.recordShort : t.showShort}
                  </Button>
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </>
  );
}
