import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId } from 'react';
import type { PlacementActivity } from '../../../../src-shared/domain/placement/activity.schema';
import type { PlacementCase } from '../../../../src-shared/domain/placement/placement.workflow';
import { usePlacementText } from '../placement-text';
import { capacityFigures, chartMax, type ClassCapacity } from './capacity-figures';

const BAR = 14;
const GAP = 4;
const LABEL = 90;
const WIDTH = 520;
const ROW = 3 * (BAR + GAP) + 14;
const series = ['demand', 'ordered', 'confirmed'] as const satisfies readonly (keyof ClassCapacity)[];

/**
 * Per class of the activity: students to place against places ordered and confirmed, as bars
 * (one image with its figures as its text) and the same figures as a table.
 */
export function CapacityChart({ activity, orders }: { activity: PlacementActivity; orders: readonly PlacementCase[] }) {
  const t = usePlacementText().chart;
  const id = useId();
  const rows = capacityFigures(activity, orders);
  const max = chartMax(rows);
  const scale = (value: number) => (value / max) * (WIDTH - LABEL - 40);
  const course = `${activity.courseCode} ${activity.courseName}`;
  const short = rows.filter((row) => row.confirmed < row.demand);
  return (
    <section aria-labelledby={`${id}-heading`} className="placement-chart">
      <Heading level={2} data-size="sm" id={`${id}-heading`}>
        {t.heading}
      </Heading>
      <Paragraph data-size="sm">{t.intro}</Paragraph>
      <ul className="placement-chart__legend" aria-hidden="true">
        {series.map((name) => (
          <li key={name}>
            <span className={`placement-chart__swatch placement-chart__bar--${name}`} /> {t[name]}
          </li>
        ))}
      </ul>
      <svg
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        width={WIDTH}
        height={rows.length * ROW}
        viewBox={`0 0 ${WIDTH} ${rows.length * ROW}`}
      >
        <title id={`${id}-title`}>{t.label(course)}</title>
        <desc id={`${id}-desc`}>{rows.map((row) => t.summary(row.className, row.demand, row.ordered, row.confirmed)).join(' ')}</desc>
        {rows.map((row, r) => (
          <g key={row.className} transform={`translate(0 ${r * ROW})`}>
            <text x={0} y={BAR + GAP + BAR / 2} className="placement-chart__label">
              {t.classRow(row.className)}
            </text>
            {series.map((name, s) => (
              <g key={name} transform={`translate(${LABEL} ${s * (BAR + GAP)})`}>
                <rect width={Math.max(1, scale(row[name]))} height={BAR} className={`placement-chart__bar--${name}`} />
                <text x={scale(row[name]) + 4} y={BAR - 3} className="placement-chart__value">
                  {row[name]}
                </text>
              </g>
            ))}
          </g>
        ))}
      </svg>
      {short.map((row) => (
        <Paragraph key={row.className} data-size="sm">
          {t.short(row.className, row.demand - row.confirmed)}
        </Paragraph>
      ))}
      <Table aria-label={t.tableLabel} data-size="sm">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t.classRow('')}</Table.HeaderCell>
            {series.map((name) => (
              <Table.HeaderCell key={name}>{t[name]}</Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={row.className}>
              <Table.HeaderCell scope="row">{row.className}</Table.HeaderCell>
              {series.map((name) => (
                <Table.Cell key={name}>{row[name]}</Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </section>
  );
}
