import { describe, expect, it } from 'vitest';
import { summarizeZodError } from '../../../kernel/app-error';
import { buildModel, distributionInstanceSchema, findBlocking } from '.';

/** Three students, two sites of two places, every pair allowed; `change` edits it before parsing. */
function blockingOf(change: (instance: ReturnType<typeof base>) => void) {
  const instance = base();
  change(instance);
  return findBlocking(buildModel(distributionInstanceSchema.parse(instance)));
}

function base() {
  return {
    students: [{ id: 's1' }, { id: 's2' }, { id: 's3' }],
    sites: [
      { id: 'a', capacity: 2 },
      { id: 'b', capacity: 2 },
    ],
    supervisors: [
      { id: 'v1', site: 'a', limit: 2 },
      { id: 'v2', site: 'b', limit: 2 },
    ],
    costs: ['s1', 's2', 's3'].flatMap((student) => ['a', 'b'].map((site) => ({ student, site, cost: 1 }))),
    locked: [] as { student: string; site: string }[],
  };
}

describe('findBlocking: which constraint blocks whom', () => {
  it('finds nothing when everyone fits', () => {
    expect(blockingOf(() => {})).toEqual([]);
  });

  it('a locked pair that is not allowed', () => {
    expect(
      blockingOf((instance) => {
        instance.costs = instance.costs.filter(({ student, site }) => !(student === 's2' && site === 'b'));
        instance.locked = [{ student: 's2', site: 'b' }];
      }),
    ).toEqual([
      { constraint: 'lockedNotAllowed', students: ['s2'], sites: ['b'], message: 'Locked pair s2 → b is not an allowed pair (it has no cost entry).' },
    ]);
  });

  it('a student locked to two sites (the same lock twice is fine)', () => {
    expect(
      blockingOf(
        (instance) =>
          (instance.locked = [
            { student: 's1', site: 'a' },
            { student: 's1', site: 'a' },
          ]),
      ),
    ).toEqual([]);
    expect(
      blockingOf(
        (instance) =>
          (instance.locked = [
            { student: 's1', site: 'a' },
            { student: 's1', site: 'b' },
          ]),
      ),
    ).toEqual([{ constraint: 'lockedToSeveralSites', students: ['s1'], sites: ['a', 'b'], message: 's1 is locked to more than one site: a, b.' }]);
  });

  it('students with no allowed site', () => {
    expect(blockingOf((instance) => (instance.costs = instance.costs.filter(({ student }) => student === 's2')))).toEqual([
      { constraint: 'noAllowedSite', students: ['s1', 's3'], sites: [], message: 'No allowed site (no cost entry) for students s1, s3.' },
    ]);
  });

  it("more locked students than a site's places, the supervisors' limits counting as places", () => {
    expect(
      blockingOf((instance) => {
        instance.supervisors[0]!.limit = 1;
        instance.locked = [
          { student: 's3', site: 'a' },
          { student: 's1', site: 'a' },
        ];
      }),
    ).toEqual([
      {
        constraint: 'lockedOverCapacity',
        students: ['s1', 's3'],
        sites: ['a'],
        message: "Site a has 1 place (capacity 2, supervisors' limits 1) but 2 students are locked to it: s1, s3.",
      },
    ]);
  });

  it('fewer places than students in all', () => {
    expect(blockingOf((instance) => (instance.sites[1]!.capacity = 0))).toEqual([
      {
        constraint: 'totalCapacity',
        students: ['s1', 's2', 's3'],
        sites: [],
        message: "3 students but only 2 places in all (per site the lesser of capacity and the sum of its supervisors' limits).",
      },
    ]);
  });

  it('students whose allowed sites together have too few places (Hall)', () => {
    const blocking = blockingOf((instance) => {
      instance.sites[0]!.capacity = 1;
      instance.sites[1]!.capacity = 1;
      instance.sites.push({ id: 'c', capacity: 5 });
      instance.supervisors.push({ id: 'v3', site: 'c', limit: 5 });
      instance.students.push({ id: 's4' });
      instance.costs.push({ student: 's4', site: 'c', cost: 0 });
    });
    expect(blocking).toEqual([
      {
        constraint: 'tooFewPlaces',
        students: ['s1', 's2', 's3'],
        sites: ['a', 'b'],
        message:
          "3 students (s1, s2, s3) can only go to sites a, b, which together have 2 places left for them (a: 1 place (capacity 1, supervisors' limits 2); b: 1 place (capacity 1, supervisors' limits 2)).",
      },
    ]);
  });

  it('students whose allowed sites together have too few places left (Hall), counting locks', () => {
    const blocking = blockingOf((instance) => {
      instance.students.push({ id: 's4' });
      instance.sites.push({ id: 'c', capacity: 5 });
      instance.supervisors.push({ id: 'v3', site: 'c', limit: 5 });
      instance.costs = [
        ...instance.costs.filter(({ student, site }) => site === 'a' || student === 's1'),
        { student: 's4', site: 'c', cost: 0 },
        { student: 's4', site: 'a', cost: 0 },
      ];
      instance.locked = [{ student: 's4', site: 'a' }];
    });
    expect(blocking).toEqual([
      {
        constraint: 'tooFewPlaces',
        students: ['s2', 's3'],
        sites: ['a'],
        message:
          "2 students (s2, s3) can only go to site a, which has 1 place left for them (a: 2 places (capacity 2, supervisors' limits 2), 1 taken by locked students).",
      },
    ]);
  });
});

describe('distributionInstanceSchema', () => {
  it('rejects duplicate ids, unknown references and a pair listed twice, naming each', () => {
    const instance = base();
    instance.students.push({ id: 's1' });
    instance.supervisors.push({ id: 'v3', site: 'x', limit: 1 });
    instance.costs.push({ student: 's1', site: 'a', cost: 2 }, { student: 'nobody', site: 'a', cost: 1 });
    instance.locked.push({ student: 's2', site: 'y' });
    const parsed = distributionInstanceSchema.safeParse(instance);
    expect(parsed.success).toBe(false);
    expect(summarizeZodError(parsed.error!)).toBe(
      [
        'students.3.id: duplicate id "s1"',
        'supervisors.2.site: unknown site "x"',
        'costs.6: the pair "s1"–"a" is listed twice',
        'costs.7.student: unknown student "nobody"',
        'locked.0.site: unknown site "y"',
      ].join('; '),
    );
  });

  it('rejects a negative capacity and a cost that is not a number, and ignores extra fields', () => {
    expect(summarizeZodError(distributionInstanceSchema.safeParse({ ...base(), sites: [{ id: 'a', capacity: -1 }] }).error!)).toMatch(/^sites\.0\.capacity: /);
    const costs = [{ student: 's1', site: 'a', cost: '4' }];
    expect(summarizeZodError(distributionInstanceSchema.safeParse({ ...base(), costs }).error!)).toMatch(/^costs\.0\.cost: /);
    expect(distributionInstanceSchema.parse({ ...base(), note: 'extra', locked: undefined }).locked).toEqual([]);
  });
});
