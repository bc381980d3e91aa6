import { Paragraph, Table } from '@digdir/designsystemet-react';
import { addDays, dateOf, parseIsoDate, toEpochDay } from '../../../src-shared/domain/calendar/iso-date';
import { placementStatusLabels, type PlacementStatus } from '../../../src-shared/domain/placement/placement.schema';
import type { SiteOrder } from '../../../src-shared/portal/site.contract';
import { formatDate } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/language';

/** A bar's colour per status (each at least 3:1 against white), named in the legend and the table too. */
export const statusColours: Record<PlacementStatus, string> = {
  draft: '#8a6d00',
  ordered: '#b45309',
  capacityConfirmed: '#1d4ed8',
  staffed: '#6d28d9',
  studentsDistributed: '#0f766e',
  inProgress: '#15803d',
  completed: '#4b5563',
  declined: '#b91c1c',
  cancelled: '#78716c',
};

const LABEL_WIDTH = 300;
const WIDTH = 1000;
const ROW = 30;
const TOP = 34;
const day = (iso: string) => toEpochDay(parseIsoDate(iso));
const monthStart = (iso: string) => `${iso.slice(0, 7)}-01`;
const nextMonth = (iso: string) => {
  const { year, month } = parseIsoDate(iso);
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
};

/**
 * "Kalender": the placement periods the site has orders for, one bar per order on a month
 * timeline, coloured by the order's status, with today marked; the same as a table below it.
 */
export function OrderCalendar({ orders, today = dateOf(new Date()) }: { orders: SiteOrder[]; today?: string }) {
  const t = useT();
  const { language } = useLanguage();
  const s = t.site.calendar;
  if (orders.length === 0) return <Paragraph>{s.empty}</Paragraph>;
  const rows = [...orders].sort((a, b) => a.activity.from.localeCompare(b.activity.from) || a.activity.courseCode.localeCompare(b.activity.courseCode));
  const first = monthStart(rows.reduce((min, o) => (o.activity.from < min ? o.activity.from : min), rows[0]!.activity.from));
  const last = nextMonth(rows.reduce((max, o) => (o.activity.to > max ? o.activity.to : max), rows[0]!.activity.to));
  const span = day(last) - day(first);
  const x = (iso: string) => LABEL_WIDTH + ((day(iso) - day(first)) / span) * (WIDTH - LABEL_WIDTH - 10);
  const months: string[] = [];
  for (let m = first; m < last; m = nextMonth(m)) months.push(m);
  const height = TOP + rows.length * ROW + 10;
  const statuses = [...new Set(rows.map((o) => o.status))];
  const label = (o: SiteOrder) => `${o.activity.courseCode} ${o.site.unit || o.site.name}`;

  return (
    <figure className="site-calendar" aria-labelledby="site-calendar-caption">
      <figcaption id="site-calendar-caption">
        <Paragraph data-size="sm">{s.caption(formatDate(first, language), formatDate(addDays(last, -1), language))}</Paragraph>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby="site-calendar-title" data-testid="site-calendar" className="site-calendar__chart">
        <title id="site-calendar-title">{s.summary(rows.length)}</title>
        {months.map((m) => (
          <g key={m}>
            <line x1={x(m)} x2={x(m)} y1={TOP - 6} y2={height} stroke="#c4c9d0" />
            <text x={x(m) + 3} y={TOP - 12} fontSize="12" fill="#1e2b3c">
              {new Intl.DateTimeFormat(language === 'nb' ? 'nb-NO' : 'en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(
                new Date(`${m}T00:00:00Z`),
              )}
            </text>
          </g>
        ))}
        {rows.map((o, i) => {
          const y = TOP + i * ROW;
          return (
            <g key={o.id} data-testid="calendar-bar" data-status={o.status}>
              <text x={0} y={y + 19} fontSize="13" fill="#1e2b3c">
                {label(o).slice(0, 40)}
              </text>
              <rect
                x={x(o.activity.from)}
                y={y + 6}
                width={Math.max(3, x(addDays(o.activity.to, 1)) - x(o.activity.from))}
                height={ROW - 12}
                rx={3}
                fill={statusColours[o.status]}
              >
                <title>{`${label(o)}: ${formatDate(o.activity.from, language)} – ${formatDate(o.activity.to, language)}, ${placementStatusLabels[o.status][language]}`}</title>
              </rect>
            </g>
          );
        })}
        {today >= first && today < last && (
          <g>
            <line x1={x(today)} x2={x(today)} y1={TOP - 6} y2={height} stroke="#0b0d0f" strokeWidth={2} strokeDasharray="4 3" />
            <text x={x(today) + 3} y={height - 2} fontSize="12" fill="#0b0d0f">
              {s.today}
            </text>
          </g>
        )}
      </svg>
      <ul className="site-calendar__legend" aria-label={s.legend}>
        {statuses.map((status) => (
          <li key={status}>
            <span className="site-calendar__swatch" style={{ background: statusColours[status] }} aria-hidden="true" />
            {placementStatusLabels[status][language]}
          </li>
        ))}
      </ul>
      <details>
        <summary>{s.asTable}</summary>
        <Table zebra className="portal-table" data-testid="calendar-table">
          <caption>{s.tableCaption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.site.course}</Table.HeaderCell>
              <Table.HeaderCell>{t.site.period}</Table.HeaderCell>
              <Table.HeaderCell>{t.site.site}</Table.HeaderCell>
              <Table.HeaderCell>{t.site.status}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((o) => (
              <Table.Row key={o.id}>
                <Table.Cell>
                  {o.activity.courseCode} {o.activity.courseName}
                </Table.Cell>
                <Table.Cell>
                  {formatDate(o.activity.from, language)} – {formatDate(o.activity.to, language)}
                </Table.Cell>
                <Table.Cell>{[o.site.name, o.site.unit].filter(Boolean).join(', ')}</Table.Cell>
                <Table.Cell>{placementStatusLabels[o.status][language]}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </details>
    </figure>
  );
}
