import { describe, expect, it } from 'vitest';
import { checklistSteps, checklistTimeline } from '../../../../src-shared/domain/course-delivery/checklist';
import { timelineGeometry } from './timeline-geometry';

const course = { startDate: '2027-03-01', endDate: '2027-05-31', sessions: 4 };
const layout = { width: 1000, margin: 20, laneHeight: 16, minGap: 10 };

describe('the course timeline drawing', () => {
  const phases = checklistTimeline({}, course, '2027-01-01');
  const geometry = timelineGeometry(phases, course, '2027-01-01', layout);

  it('spans the first to the last deadline, with the course days as the middle band', () => {
    // The first step is due 70 days before the start, the last 22 days after the assignment deadline.
    expect(geometry.from).toBe('2026-12-21');
    expect(geometry.to).toBe('2027-07-06');
    expect(geometry.bands.map((b) => b.band)).toEqual(['before', 'during', 'after']);
    const [before, during, after] = geometry.bands;
    expect(before!.x).toBe(20);
    expect(before!.x + before!.width).toBeCloseTo(during!.x);
    expect(during!.x + during!.width).toBeCloseTo(after!.x);
    expect(after!.x + after!.width).toBeCloseTo(980);
    // 70 of 198 days before the course; the course's 92 days in the middle.
    expect(during!.x).toBeCloseTo(20 + (70 / 198) * 960);
    expect(during!.width).toBeCloseTo((92 / 198) * 960);
  });

  it('puts one marker per step at its due date, stacking those that would overlap', () => {
    expect(geometry.markers).toHaveLength(checklistSteps.length);
    const at = (id: string) => geometry.markers.find((m) => m.item.step.id === id)!;
    expect(at('informOperations')).toMatchObject({ x: 20, lane: 0 });
    // Four steps after the course are due the same day: four lanes at one x.
    const sameDay = ['graded', 'gradesRecorded', 'passListSent', 'certificateTextWritten'].map(at);
    expect(new Set(sameDay.map((m) => m.x)).size).toBe(1);
    expect(new Set(sameDay.map((m) => m.lane)).size).toBe(4);
    expect(geometry.lanes).toBeGreaterThanOrEqual(4);
    for (const m of geometry.markers) expect(m.x).toBeGreaterThanOrEqual(20);
  });

  it('draws today inside the axis, and not at all outside it', () => {
    expect(geometry.todayX).toBeCloseTo(20 + (11 / 198) * 960);
    expect(timelineGeometry(phases, course, '2027-08-01', layout).todayX).toBeNull();
    expect(geometry.months.map((m) => m.date)).toEqual(['2027-01-01', '2027-02-01', '2027-03-01', '2027-04-01', '2027-05-01', '2027-06-01', '2027-07-01']);
  });
});
