import { describe, expect, it } from 'vitest';
import { sykehjemActivity } from '../../../../dev/testing/activity-fixture';
import type { Actor } from '../../../../src-shared/domain/access/roles';
import { placementWorkflow } from '../../../../src-shared/domain/placement/placement.workflow';
import { placementOrderDraft } from './order-draft';

const admin: Actor = {
  userId: 'placementAdmin-1',
  name: 'Øyvind Lunde',
  roles: ['placementAdmin'],
  scope: { institution: 'hifj', departments: ['helse'], cohorts: [], partners: [] },
};
const at = '2026-08-03T09:00:00.000Z';
const site = { id: 'site-sentrum', name: 'Sentrum sykehjem', unit: 'Langtidsavdelingen' };
const identity = { id: 'placement-1', caseNumber: '2026/12345', actor: admin, at };

describe('placementOrderDraft', () => {
  it('maps the activity and the request onto a draft order the workflow accepts and sends', () => {
    const activity = sykehjemActivity();
    const draft = placementOrderDraft(activity, { classes: ['B'], site, requestedPlaces: 3 }, identity);
    expect(draft).toMatchObject({
      type: 'placement',
      status: 'draft',
      institution: 'hifj',
      department: 'helse',
      cohort: 'site-sentrum',
      createdBy: admin.userId,
      details: {
        activity: {
          id: activity.id,
          courseCode: 'SYK2100',
          from: '2026-10-05',
          to: '2026-11-13',
          classes: ['B'],
          requirements: ['Bestått SYK1001'],
          teachers: [{ className: 'B', name: 'Per Moen', email: 'per.moen@hifj.example' }],
        },
        site,
        order: { requestedPlaces: 3 },
      },
    });
    const sent = placementWorkflow.transition(draft, { type: 'sendOrder', at }, admin);
    expect(sent.ok && sent.state.status).toBe('ordered');
  });

  it('keeps the activity’s class order for an order for all classes', () => {
    const draft = placementOrderDraft(sykehjemActivity(), { classes: ['B', 'A'], site, requestedPlaces: 4 }, identity);
    expect(draft.details.activity.classes).toEqual(['A', 'B']);
    expect(draft.details.activity.teachers?.map((t) => t.className)).toEqual(['A', 'B']);
  });

  it('refuses a class the activity has not, and an actor who may not order', () => {
    expect(() => placementOrderDraft(sykehjemActivity(), { classes: ['C'], site, requestedPlaces: 1 }, identity)).toThrow(
      expect.objectContaining({ kind: 'validation' }),
    );
    const teacher: Actor = { ...admin, roles: ['teacher'] };
    expect(() => placementOrderDraft(sykehjemActivity(), { classes: ['A'], site, requestedPlaces: 1 }, { ...identity, actor: teacher })).toThrow(
      expect.objectContaining({ kind: 'forbidden' }),
    );
  });
});
