import { addDays, parseIsoDate, toEpochDay } from '../../../../src-shared/domain/calendar/iso-date';
import type { CourseDates, TimelineItem, TimelinePhase } from '../../../../src-shared/domain/course-delivery/checklist';

/** The drawing's bands: before the first course day, the course days, after the last one (the seed's blue, yellow, green). */
export type Band = 'before' | 'during' | 'after';

export interface TimelineLayout {
  /** Drawing width, in SVG units. */
  width: number;
  /** Space left and right of the date axis. */
  margin: number;
  /** Vertical distance between stacked markers of nearby dates. */
  laneHeight: number;
  /** Markers closer than this (SVG units) on one lane are stacked. */
  minGap: number;
}

export interface PlacedMarker {
  item: TimelineItem;
  x: number;
  /** 0 for the first row of markers; markers of nearby dates go to the next free lane. */
  lane: number;
}

export interface TimelineGeometry {
  /** First and last day on the axis (inclusive). */
  from: string;
  to: string;
  bands: { band: Band; x: number; width: number }[];
  markers: PlacedMarker[];
  lanes: number;
  /** Where today's line goes, or null when today is outside the axis. */
  todayX: number | null;
  /** First day of each month on the axis, for the tick labels. */
  months: { date: string; x: number }[];
}

const day = (iso: string) => toEpochDay(parseIsoDate(iso));
const earliest = (dates: readonly string[]) => dates.reduce((a, b) => (b < a ? b : a));
const latest = (dates: readonly string[]) => dates.reduce((a, b) => (b > a ? b : a));

/**
 * Where the course's checklist is drawn: an axis from the first deadline (or course day) to the
 * last, bands for before / during / after the course days, a marker per step at its due date
 * (stacked in lanes where they would overlap) and today's line.
 */
export function timelineGeometry(phases: readonly TimelinePhase[], course: CourseDates, today: string, layout: TimelineLayout): TimelineGeometry {
  const items = phases.flatMap((phase) => phase.items);
  const from = earliest([course.startDate, ...items.map((item) => item.due)]);
  const to = latest([course.endDate, ...items.map((item) => item.due)]);
  const first = day(from);
  // One day wide at least, so a one-day axis still has a scale; the last day gets its full width.
  const span = Math.max(1, day(to) - first + 1);
  const inner = layout.width - 2 * layout.margin;
  const x = (iso: string) => layout.margin + ((day(iso) - first) / span) * inner;
  const end = layout.margin + inner;
  const duringFrom = x(course.startDate);
  const duringTo = x(addDays(course.endDate, 1));
  const bands = [
    { band: 'before' as const, x: layout.margin, width: duringFrom - layout.margin },
    { band: 'during' as const, x: duringFrom, width: duringTo - duringFrom },
    { band: 'after' as const, x: duringTo, width: end - duringTo },
  ].filter((band) => band.width > 0);

  const laneEnds: number[] = [];
  const markers = [...items]
    .sort((a, b) => a.due.localeCompare(b.due))
    .map((item) => {
      const at = x(item.due);
      let lane = laneEnds.findIndex((lastX) => at - lastX >= layout.minGap);
      if (lane === -1) lane = laneEnds.push(at) - 1;
      else laneEnds[lane] = at;
      return { item, x: at, lane };
    });

  const months: { date: string; x: number }[] = [];
  const { year, month } = parseIsoDate(from);
  for (let y = year, m = month + 1; ; m += 1) {
    if (m > 12) [y, m] = [y + 1, 1];
    const date = `${y}-${String(m).padStart(2, '0')}-01`;
    if (date > to) break;
    months.push({ date, x: x(date) });
  }
  return { from, to, bands, markers, lanes: Math.max(1, laneEnds.length), todayX: today >= from && today <= to ? x(today) : null, months };
}
