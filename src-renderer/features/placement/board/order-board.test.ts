import { describe, expect, it } from 'vitest';
import { sykehjemActivity } from '../../../../dev/testing/activity-fixture';
import type { Actor } from '../../../../src-shared/domain/access/roles';
import type { PlacementStatus } from '../../../../src-shared/domain/placement/placement.schema';
import type { PlacementCase } from '../../../../src-shared/domain/placement/placement.workflow';
import { placementOrderDraft } from '../orders/order-draft';
import { capacityFigures, shareOut } from './capacity-figures';
import { boardStatuses, orderBoard } from './order-board';

const admin: Actor = {
  userId: 'placementAdmin-1',
  name: 'Admin',
  roles: ['placementAdmin'],
  scope: { institution: 'hifj', departments: ['helse'], cohorts: [], partners: [] },
};
const activity = sykehjemActivity();

function order(id: string, status: PlacementStatus, classes: string[], siteName: string, requested: number, confirmed?: number): PlacementCase {
  const draft = placementOrderDraft(
    activity,
    { classes, site: { id: `site-${siteName}`, name: siteName, unit: '' }, requestedPlaces: requested },
    { id, caseNumber: `2026/${id}`, actor: admin, at: '2026-08-03T09:00:00.000Z' },
  );
  const capacity = confirmed === undefined ? {} : { capacity: { places: confirmed, confirmedAt: '2026-08-10T09:00:00.000Z', confirmedBy: 'site-1' } };
  return { ...draft, status, details: { ...draft.details, ...capacity } };
}

describe('orderBoard', () => {
  it('puts each order in its status column, by site; two orders to one site stay two cards; drafts and cancelled apart', () => {
    const board = orderBoard([
      order('1', 'ordered', ['A'], 'Nordli', 2),
      order('2', 'ordered', ['B'], 'Nordli', 1),
      order('3', 'ordered', ['A'], 'Berg', 2),
      order('4', 'capacityConfirmed', ['A', 'B'], 'Sentrum', 4, 3),
      order('5', 'declined', ['B'], 'Vik', 2),
      order('6', 'draft', ['A'], 'Vik', 1),
      order('7', 'cancelled', ['A'], 'Vik', 1),
    ]);
    expect(board.columns.map((c) => c.status)).toEqual([...boardStatuses]);
    const column = (status: string) => board.columns.find((c) => c.status === status)!.cards;
    expect(column('ordered').map((card) => [card.siteName, card.classes.join()])).toEqual([
      ['Berg', 'A'],
      ['Nordli', 'A'],
      ['Nordli', 'B'],
    ]);
    expect(column('capacityConfirmed')).toEqual([expect.objectContaining({ siteName: 'Sentrum', classes: ['A', 'B'], requested: 4, confirmed: 3 })]);
    expect(column('declined').map((card) => card.id)).toEqual(['5']);
    expect(column('completed')).toEqual([]);
    expect(board.drafts.map((card) => card.id)).toEqual(['6']);
    expect(board.cancelled.map((card) => card.id)).toEqual(['7']);
  });
});

describe('capacityFigures', () => {
  it('counts per class the students, the places ordered (not drafts or cancelled) and confirmed, sharing an order for several classes', () => {
    const rows = capacityFigures(activity, [
      order('1', 'ordered', ['A'], 'Nordli', 2),
      order('2', 'capacityConfirmed', ['A', 'B'], 'Sentrum', 5, 3),
      order('3', 'draft', ['B'], 'Vik', 9),
      order('4', 'cancelled', ['B'], 'Vik', 9),
      {
        ...order('5', 'ordered', ['B'], 'Vik', 9),
        details: { ...order('5', 'ordered', ['B'], 'Vik', 9).details, activity: { ...activity, id: 'other', classes: ['B'] } },
      },
    ]);
    expect(rows).toEqual([
      { className: 'A', demand: 2, ordered: 5, confirmed: 2 },
      { className: 'B', demand: 2, ordered: 2, confirmed: 1 },
    ]);
  });

  it('shares places out in whole numbers that add up', () => {
    expect(shareOut(5, 2)).toEqual([3, 2]);
    expect(shareOut(7, 3)).toEqual([3, 2, 2]);
    expect(shareOut(0, 2)).toEqual([0, 0]);
  });
});
