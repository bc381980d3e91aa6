import { timelineGeometry } from '../timeline/timeline-geometry';
import type { CourseOverviewRow } from './course-overview';

const LAYOUT = { width: 240, margin: 4, laneHeight: 0, minGap: 0 };
const HEIGHT = 24;

/**
 * One course's checklist in a line: the before / during / after bands, a tick per step at its due
 * date (by state; overdue ones red and taller) and today. The row's text says the same in words.
 */
export function CourseRowTimeline({ row, today, label }: { row: CourseOverviewRow; today: string; label: string }) {
  const geometry = timelineGeometry(row.phases, row.dates, today, LAYOUT);
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${LAYOUT.width} ${HEIGHT}`} width={LAYOUT.width} height={HEIGHT} className="course-row-timeline">
      {geometry.bands.map((band) => (
        <rect key={band.band} x={band.x} y={4} width={band.width} height={HEIGHT - 8} className={`course-row-timeline__band--${band.band}`} />
      ))}
      {geometry.markers.map(({ item, x }) => (
        <rect
          key={item.step.id}
          x={x - 1}
          y={item.overdue ? 1 : 7}
          width={2}
          height={item.overdue ? HEIGHT - 2 : HEIGHT - 14}
          className={`course-row-timeline__step--${item.overdue ? 'overdue' : item.state}`}
        />
      ))}
      {geometry.todayX !== null && <line x1={geometry.todayX} x2={geometry.todayX} y1={0} y2={HEIGHT} className="course-row-timeline__today" />}
    </svg>
  );
}
