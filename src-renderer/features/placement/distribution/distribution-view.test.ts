import { describe, expect, it } from 'vitest';
import type { PlacementActivity } from '../../../../src-shared/domain/placement/activity.schema';
import type { ActivityInstance, ActivityOrder } from '../../../../src-shared/domain/placement/distribution';
import { orderBars, studentRows } from './distribution-view';

const order = (id: string, places: number, status: ActivityOrder['status'] = 'staffed'): ActivityOrder => ({
  id,
  status,
  details: {
    activity: { id: 'act-1', courseCode: 'SYK2100', courseName: 'Praksis', from: '2026-10-05', to: '2026-11-13', classes: ['A'], requirements: [] },
    site: { id: `site-${id}`, name: `Sted ${id}`, unit: id === 'o1' ? 'Post 1' : '' },
    order: { requestedPlaces: places },
    capacity: { places, confirmedAt: '2026-09-01T10:00:00.000Z', confirmedBy: 'u1' },
    staffing: [{ className: 'A', coordinator: { userId: 'k', name: 'Koordinator' }, supervisors: [{ userId: 'v1', name: 'Vera Veileder', limit: 3 }] }],
    supervisorChangeRequests: [],
    supervisorChangeDecisions: [],
  },
});
const why = { nb: 'Sted o1 er det billigste tillatte stedet for studenten (kostnad 0).', en: 'cheapest' };
const activity = {
  students: [
    { personId: 'p1', name: 'Per', className: 'A' },
    { personId: 'p2', name: 'Pia', className: 'A' },
  ],
  distribution: {
    ranAt: '2026-09-20T10:00:00.000Z',
    status: 'optimal',
    totalCost: 0,
    blocking: null,
    assignments: [{ personId: 'p1', orderId: 'o1', supervisorId: 'v1', locked: true, cost: 0, why }],
  },
} as unknown as PlacementActivity;

describe('the distribution view', () => {
  it('shows per order its places and the students placed, including a published order the instance no longer holds', () => {
    const [o1, o2, o3] = [order('o1', 2), order('o2', 3), order('o3', 1, 'studentsDistributed')];
    const built = { orders: [o1, o2] } as unknown as ActivityInstance;
    const distribution = {
      ...activity.distribution!,
      assignments: [...activity.distribution!.assignments, { ...activity.distribution!.assignments[0]!, orderId: 'o3' }],
    };
    expect(orderBars(built, distribution, [o1, o2, o3])).toEqual([
      { orderId: 'o1', site: 'Sted o1, Post 1', classes: 'A', places: 2, placed: 1 },
      { orderId: 'o2', site: 'Sted o2', classes: 'A', places: 3, placed: 0 },
      { orderId: 'o3', site: 'Sted o3', classes: 'A', places: 1, placed: 1 },
    ]);
  });

  it('names each student’s site and supervisor, and leaves a student without a place unplaced', () => {
    expect(studentRows(activity, [order('o1', 2)])).toEqual([
      {
        personId: 'p1',
        name: 'Per',
        className: 'A',
        orderId: 'o1',
        site: 'Sted o1, Post 1',
        supervisorId: 'v1',
        supervisor: 'Vera Veileder',
        cost: 0,
        locked: true,
        why,
      },
      { personId: 'p2', name: 'Pia', className: 'A', locked: false },
    ]);
  });
});
