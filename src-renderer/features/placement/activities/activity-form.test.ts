import { describe, expect, it } from 'vitest';
import { sykehjemActivity } from '../../../../dev/testing/activity-fixture';
import { activityFromForm, formFieldOf, formFromActivity, nextClassName, type TeacherOf } from './activity-form';

const activity = sykehjemActivity();
const teachers = new Map(activity.classes.flatMap((c) => (c.teacher ? [[c.teacher.userId, c.teacher]] : [])));
const teacherOf: TeacherOf = (id) => teachers.get(id);
const identity = { id: activity.id, institution: activity.institution, createdBy: activity.createdBy, updatedAt: activity.updatedAt };

describe('activity form', () => {
  it('gives back the stored activity from its own form', () => {
    const parsed = activityFromForm(formFromActivity(activity), identity, teacherOf);
    expect(parsed.success && parsed.data).toEqual(activity);
  });

  it('drops empty wishes and requirements no longer on the activity', () => {
    const values = formFromActivity(activity);
    values.requirements = [];
    const parsed = activityFromForm(values, identity, teacherOf);
    expect(parsed.success && parsed.data.students.map((s) => s.requirementsMet)).toEqual([[], [], [], []]);
    expect(parsed.success && parsed.data.students[0]!.wishes).toEqual(['site-sentrum']);
  });

  it('refuses a period ending before it starts, two classes of one name and a student in no class of the activity', () => {
    const values = formFromActivity(activity);
    values.to = '2026-10-01';
    values.classes[1]!.name = 'A';
    const parsed = activityFromForm(values, identity, teacherOf);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [formFieldOf(issue.path), issue.message])).toEqual(
      expect.arrayContaining([
        ['to', 'dateOrder'],
        ['classes.1.name', 'duplicate'],
        ['students.2.className', 'unknownClass'],
      ]),
    );
  });

  it('names the next free class', () => {
    expect(nextClassName([{ name: 'A' }, { name: 'C' }])).toBe('B');
  });
});
