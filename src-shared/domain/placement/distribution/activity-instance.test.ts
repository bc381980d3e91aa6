import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import { actorFor, KARE_HOLM, LIV_AAS, placementEvents, placementStart, SITE_COORDINATOR, walk } from '../../../../dev/testing/fixtures';
import type { ActivityStudent, PlacementActivity } from '../activity.schema';
import { placementWorkflow, transition, type PlacementCase } from '../placement.workflow';
import { buildActivityInstance, splitPlaces, type ActivityOrder } from './activity-instance';
import { lockAssignment, placesFor, studentsPerOrder, toActivityDistribution, unlockAssignment } from './activity-result';
import { compactInstance } from './compact-instance';
import { solveDistribution } from './solve-distribution';

const [, , , staffed] = walk(placementWorkflow, placementStart(), [
  ['placementAdmin', placementEvents.sendOrder],
  ['siteCoordinator', placementEvents.confirmCapacity],
  ['siteCoordinator', placementEvents.assignStaff],
]);
const SITE = staffed!.details.site.id;
const ofActivity = (order: PlacementCase): PlacementCase => ({ ...order, details: { ...order.details, activity: { ...order.details.activity, id: 'act-1' } } });
/** The fixture's order: classes A and B, 3 places; A: Kåre Holm (2) and the coordinator (1), B: Kåre Holm (2) and Liv Ås (1); English required. */
const order1 = ofActivity(staffed!);
/** A second order: class A only, no requirement, 2 places, Liv Ås (2). */
const order2: PlacementCase = ofActivity({
  ...staffed!,
  id: 'order-2',
  details: {
    ...staffed!.details,
    activity: { ...staffed!.details.activity, classes: ['A'], requirements: [] },
    site: { id: 'site-2', name: 'Bryggen skole', unit: '' },
    capacity: { ...staffed!.details.capacity!, places: 2 },
    staffing: [{ className: 'A', coordinator: SITE_COORDINATOR, supervisors: [{ ...LIV_AAS, limit: 2 }] }],
  },
});
const english = order1.details.activity.requirements;
const student = (personId: string, className: string, fields: Partial<ActivityStudent>): ActivityStudent => ({
  personId,
  name: `Student ${personId}`,
  email: `${personId}@student.example`,
  className,
  requirementsMet: english,
  wishes: [],
  homeMunicipality: 'Bergen',
  earlierSites: [],
  ...fields,
});
const activity: PlacementActivity = {
  id: 'act-1',
  institution: 'inst',
  department: 'helse',
  courseCode: 'SYK2100',
  courseName: 'Praksisstudier i sykehjem',
  from: '2026-10-05',
  to: '2026-11-13',
  classes: [{ name: 'A' }, { name: 'B' }],
  requirements: english,
  rules: { avoidEarlierSites: true, wishWeight: 10, travelWeight: 5 },
  students: [
    student('a1', 'A', { wishes: ['site-2', SITE], homeMunicipality: 'Fjordheim', earlierSites: ['site-2'] }),
    student('a2', 'A', { wishes: [SITE] }),
    student('a3', 'A', { requirementsMet: [] }),
    student('b1', 'B', { wishes: [SITE], homeMunicipality: ' fjordheim ' }),
  ],
  createdBy: 'placementAdmin-1',
  updatedAt: '2026-09-01T10:00:00.000Z',
};
const municipalities = new Map([
  [SITE, 'Fjordheim'],
  ['site-2', 'Bergen'],
]);
const draft: ActivityOrder = { ...order2, id: 'order-3', status: 'ordered' };
const orders = [
  order1,
  order2,
  draft,
  { ...order2, id: 'other-activity', details: { ...order2.details, activity: { ...order2.details.activity, id: 'act-2' } } },
];

const solved = async (built: ReturnType<typeof buildActivityInstance>, previous?: PlacementActivity['distribution'], students = activity.students) => {
  const compact = compactInstance(built.instance);
  const raw = await solveDistribution(await loadHighs(), compact.instance, { explain: true });
  const names = new Map(students.map(({ personId, name }) => [personId, name]));
  const result = compact.expand(raw, { student: (id) => names.get(id)!, site: (id) => built.slots.get(id)!.siteName });
  return toActivityDistribution(built, result, previous, '2026-09-20T10:00:00.000Z');
};

describe('buildActivityInstance', () => {
  it('makes a solver site per order and class of the staffed orders, with allowed pairs and wish and travel costs', () => {
    const built = buildActivityInstance(activity, orders, municipalities);
    const [A, B] = [`${order1.id}#A`, `${order1.id}#B`];
    expect(built.orders.map(({ id }) => id)).toEqual([order1.id, 'order-2']);
    expect(built.instance).toEqual({
      students: [{ id: 'a1' }, { id: 'a2' }, { id: 'a3' }, { id: 'b1' }],
      // Order 1's 3 places split by the classes' supervisors' limits (3 and 3): 2 and 1.
      sites: [
        { id: A, capacity: 2 },
        { id: B, capacity: 1 },
        { id: 'order-2', capacity: 2 },
      ],
      supervisors: [
        { id: `${A}/${KARE_HOLM.userId}`, site: A, limit: 2 },
        { id: `${A}/${SITE_COORDINATOR.userId}`, site: A, limit: 1 },
        { id: `${B}/${KARE_HOLM.userId}`, site: B, limit: 2 },
        { id: `${B}/${LIV_AAS.userId}`, site: B, limit: 1 },
        { id: `order-2/${LIV_AAS.userId}`, site: 'order-2', limit: 2 },
      ],
      costs: [
        // a1: second wish at home; order 2 is an earlier site.
        { student: 'a1', site: A, cost: 10 },
        // a2: first wish, but not in Bergen; order 2 unwished (rank 1), in Bergen.
        { student: 'a2', site: A, cost: 5 },
        { student: 'a2', site: 'order-2', cost: 10 },
        // a3 has not met the English requirement of order 1; no wishes: rank 0 everywhere.
        { student: 'a3', site: 'order-2', cost: 0 },
        // b1: class B only at order 1, first wish, home municipality matched loosely.
        { student: 'b1', site: B, cost: 0 },
      ],
      locked: [],
    });
  });

  it('lets earlier sites through when the rule is off, and turns locks into locked pairs (a lock on an order gone is left out)', () => {
    const distribution = {
      ranAt: '2026-09-19T10:00:00.000Z',
      status: 'optimal' as const,
      totalCost: 0,
      blocking: null,
      assignments: [
        { personId: 'a2', orderId: 'order-2', supervisorId: LIV_AAS.userId, locked: true, cost: 10, why: { nb: '', en: '' } },
        { personId: 'a3', orderId: 'order-3', supervisorId: LIV_AAS.userId, locked: true, cost: 0, why: { nb: '', en: '' } },
        { personId: 'b1', orderId: order1.id, supervisorId: LIV_AAS.userId, locked: false, cost: 0, why: { nb: '', en: '' } },
      ],
    };
    const built = buildActivityInstance({ ...activity, rules: { ...activity.rules, avoidEarlierSites: false }, distribution }, orders, municipalities);
    expect(built.instance.costs.filter(({ student }) => student === 'a1').map(({ site }) => site)).toEqual([`${order1.id}#A`, 'order-2']);
    expect(built.instance.locked).toEqual([{ student: 'a2', site: 'order-2' }]);
    expect(built.staleLocks).toEqual(['a3']);
  });

  it('gives each order its fair share of the students before spreading costs more, when the rule weighs it', () => {
    // 4 students for 5 places: each site's share is 4/5 of its places, rounded up; beyond it each student costs the weight.
    const built = buildActivityInstance({ ...activity, rules: { ...activity.rules, spreadWeight: 3 } }, orders, municipalities);
    expect(built.instance.sites).toEqual([
      { id: `${order1.id}#A`, capacity: 2, spread: { free: 2, cost: 3 } },
      { id: `${order1.id}#B`, capacity: 1, spread: { free: 1, cost: 3 } },
      { id: 'order-2', capacity: 2, spread: { free: 2, cost: 3 } },
    ]);
    const fewer = buildActivityInstance(
      { ...activity, students: activity.students.slice(0, 2), rules: { ...activity.rules, spreadWeight: 3 } },
      orders,
      municipalities,
    );
    expect(fewer.instance.sites.map((site) => site.spread?.free)).toEqual([1, 1, 1]);
  });

  it('prices travel by the distance between the municipalities’ centres when both are known', () => {
    // Fjordheim (home of a1 and b1) to Bergen (order 2's site) is about 121 km: 12.1 tens of km at weight 5.
    const centres = new Map([
      ['fjordheim', { latitude: 61.4523, longitude: 5.8572 }],
      ['bergen', { latitude: 60.3913, longitude: 5.3221 }],
    ]);
    const built = buildActivityInstance({ ...activity, rules: { ...activity.rules, avoidEarlierSites: false } }, orders, municipalities, centres);
    const a1 = built.instance.costs.find(({ student, site }) => student === 'a1' && site === 'order-2')!;
    // First wish (rank 0) and 12.1 tens of km by the centres.
    expect(a1.cost).toBeCloseTo(5 * 12.1, 6);
    // a2 lives in Bergen: order 1's site in Fjordheim is as far the other way, order 2 at home costs no travel.
    expect(built.instance.costs.filter(({ student }) => student === 'a2').map(({ cost }) => cost)).toEqual([5 * 12.1, 10]);
  });

  it('splits an order’s places between its classes by their supervisors’ limits', () => {
    expect(splitPlaces(3, [3, 3])).toEqual([2, 1]);
    expect(splitPlaces(4, [1, 2])).toEqual([1, 2]);
    expect(splitPlaces(5, [1, 9])).toEqual([1, 4]);
    expect(splitPlaces(7, [6])).toEqual([7]);
  });
});

describe('the solved activity distribution', () => {
  it('places every student optimally, names sites in the why, and gives each order its distributeStudents step', async () => {
    const built = buildActivityInstance(activity, orders, municipalities);
    const distribution = await solved(built);
    expect(distribution).toMatchObject({ status: 'optimal', totalCost: 15, blocking: null });
    expect(distribution.assignments.map(({ personId, orderId, supervisorId, locked, cost }) => [personId, orderId, supervisorId, locked, cost])).toEqual([
      ['a1', order1.id, KARE_HOLM.userId, false, 10],
      ['a2', order1.id, SITE_COORDINATOR.userId, false, 5],
      ['a3', 'order-2', LIV_AAS.userId, false, 0],
      ['b1', order1.id, KARE_HOLM.userId, false, 0],
    ]);
    expect(distribution.assignments[0]!.why.nb).toBe('Sentrum sykehjem, Langtidsavdelingen er det billigste tillatte stedet for studenten (kostnad 10).');
    expect(distribution.assignments.map(({ why }) => why.en).join(' ')).not.toContain(order1.id);

    const perOrder = studentsPerOrder(activity, distribution);
    expect([...perOrder.keys()]).toEqual([order1.id, 'order-2']);
    const admin = actorFor('placementAdmin');
    const step = transition(order1, { type: 'distributeStudents', at: '2026-09-21T10:00:00.000Z', students: perOrder.get(order1.id)! }, admin);
    expect(step.ok && step.state.status).toBe('studentsDistributed');
    expect(step.ok && step.state.details.distribution?.students.map(({ personId, email }) => [personId, email])).toEqual([
      ['a1', 'a1@student.example'],
      ['a2', 'a2@student.example'],
      ['b1', 'b1@student.example'],
    ]);
  });

  it('keeps a locked student where they were put and with the supervisor chosen by hand, and says so', async () => {
    const built = buildActivityInstance(activity, orders, municipalities);
    expect(placesFor(built, 'a2').map(({ slot, cost }) => [slot.orderId, cost])).toEqual([
      [order1.id, 5],
      ['order-2', 10],
    ]);
    const first = await solved(built);
    const byHand = lockAssignment(built, first, 'a2', order1.id, KARE_HOLM.userId);
    expect(byHand.assignments[1]).toMatchObject({ personId: 'a2', supervisorId: KARE_HOLM.userId, locked: true, cost: 5 });
    expect(byHand.assignments[1]!.why.en).toBe('Locked to Sentrum sykehjem, Langtidsavdelingen by hand (cost 5).');
    expect(() => lockAssignment(built, first, 'a3', order1.id, KARE_HOLM.userId)).toThrow(/cannot be placed/);
    expect(() => lockAssignment(built, first, 'a2', order1.id, LIV_AAS.userId)).toThrow(/not a supervisor/);

    const again = buildActivityInstance({ ...activity, distribution: byHand }, orders, municipalities);
    expect(again.instance.locked).toEqual([{ student: 'a2', site: `${order1.id}#A` }]);
    const rerun = await solved(again, byHand);
    expect(rerun.assignments.find(({ personId }) => personId === 'a2')).toMatchObject({ orderId: order1.id, supervisorId: KARE_HOLM.userId, locked: true });
    expect(rerun.assignments.find(({ personId }) => personId === 'a1')).toMatchObject({ supervisorId: KARE_HOLM.userId });
    expect(unlockAssignment(rerun, 'a2').assignments.find(({ personId }) => personId === 'a2')!.locked).toBe(false);
  });

  it('says what blocks whom by name when no assignment exists, and keeps the locks', async () => {
    const built0 = buildActivityInstance(activity, orders, municipalities);
    const first = await solved(built0);
    const withLocks = lockAssignment(built0, lockAssignment(built0, first, 'a3', 'order-2', LIV_AAS.userId), 'a2', 'order-2', LIV_AAS.userId);
    const crowded = { ...activity, students: [...activity.students, student('a4', 'A', { requirementsMet: [] })], distribution: withLocks };
    const distribution = await solved(buildActivityInstance(crowded, orders, municipalities), withLocks, crowded.students);
    expect(distribution.status).toBe('infeasible');
    expect(distribution.blocking).toBe(
      "1 student (Student a4) can only go to site Bryggen skole, which has 0 places left for them (Bryggen skole: 2 places (capacity 2, supervisors' limits 2), 2 taken by locked students).",
    );
    expect(distribution.assignments.map(({ personId }) => personId)).toEqual(['a2', 'a3']);
  });
});
