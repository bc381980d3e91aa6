import { describe, expect, it } from 'vitest';
import { checkActivityWrite } from '../../src-shared/domain/access/activity-access';
import { placementActivitySchema } from '../../src-shared/domain/placement/activity.schema';
import type { PlacementDetails } from '../../src-shared/domain/placement/placement.schema';
import { demoUser } from './demo-users';
import { DEMO_NOW, generateDemoData } from './generate-demo-data';

const data = generateDemoData({ caseCount: 400, seed: 1, now: new Date(DEMO_NOW) });

describe('demo placement activities', () => {
  it('are valid activities the demo placement administrator may have created', () => {
    const admin = demoUser('u-praksisadmin')!;
    expect(data.activities).toHaveLength(2);
    for (const activity of data.activities) {
      expect(placementActivitySchema.parse(activity)).toEqual(activity);
      expect(checkActivityWrite(admin, null, activity)).toEqual({ ok: true });
      expect(activity.students.length).toBeGreaterThan(0);
      const people = new Set(data.people.map((p) => p.id));
      expect(activity.students.every((s) => people.has(s.personId) && activity.classes.some((c) => c.name === s.className))).toBe(true);
    }
  });

  it('are named by the orders of their course and period, and the planning one by none', () => {
    const [current, planning] = data.activities;
    const named = (id: string) => data.cases.filter((c) => c.type === 'placement' && (c.details as PlacementDetails).activity.id === id);
    expect(named(current!.id).length).toBeGreaterThan(0);
    for (const order of named(current!.id)) {
      expect((order.details as PlacementDetails).activity).toMatchObject({ courseCode: current!.courseCode, from: current!.from, to: current!.to });
    }
    expect(named(planning!.id)).toEqual([]);
  });
});
