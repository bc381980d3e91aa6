import { describe, expect, it } from 'vitest';
import { blockingSentenceNb } from './blocking-text';
import { distributionInstanceSchema, type DistributionInstance } from './distribution.schema';

const labels = { student: (id: string) => `Student ${id}`, site: (id: string) => `Sted ${id}` };

/** Three students, two sites (a: 2 places, b: 1 place); everyone allowed everywhere unless changed. */
function instance(change: (draft: DistributionInstance) => void = () => {}): DistributionInstance {
  const draft = distributionInstanceSchema.parse({
    students: [{ id: 's1' }, { id: 's2' }, { id: 's3' }],
    sites: [
      { id: 'a', capacity: 2 },
      { id: 'b', capacity: 3 },
    ],
    supervisors: [
      { id: 'va', site: 'a', limit: 2 },
      { id: 'vb', site: 'b', limit: 1 },
    ],
    costs: ['s1', 's2', 's3'].flatMap((student) => ['a', 'b'].map((site) => ({ student, site, cost: 1 }))),
  });
  change(draft);
  return draft;
}

describe('blockingSentenceNb', () => {
  it('says nothing when an assignment exists', () => {
    expect(blockingSentenceNb(instance(), labels)).toBeNull();
  });

  it('names the students with no allowed order', () => {
    const sentence = blockingSentenceNb(
      instance((draft) => (draft.costs = draft.costs.filter(({ student }) => student === 's2'))),
      labels,
    );
    expect(sentence).toBe('Ingen bestilling er tillatt for Student s1 og Student s3 (klasse, krav eller tidligere praksissted).');
  });

  it('counts students against all places (the lesser of capacity and supervisors’ limits)', () => {
    const sentence = blockingSentenceNb(
      instance((draft) => {
        draft.students.push({ id: 's4' });
        draft.costs.push({ student: 's4', site: 'a', cost: 0 });
      }),
      labels,
    );
    expect(sentence).toBe('4 studenter, men bare 3 plasser i alt (per sted det minste av kapasitet og veiledernes grenser).');
  });

  it('names the students who can only go to sites with too few places left', () => {
    const sentence = blockingSentenceNb(
      instance((draft) => {
        draft.costs = draft.costs.filter(({ student, site }) => student === 's1' || site === 'b');
        draft.locked = [{ student: 's1', site: 'b' }];
      }),
      labels,
    );
    expect(sentence).toBe('2 studenter (Student s2 og Student s3) kan bare gå til Sted b, som har 0 plasser igjen til dem.');
  });

  it('names a site with more locked students than places', () => {
    const sentence = blockingSentenceNb(
      instance(
        (draft) =>
          (draft.locked = [
            { student: 's1', site: 'b' },
            { student: 's2', site: 'b' },
          ]),
      ),
      labels,
    );
    expect(sentence).toBe('Sted b har 1 plass, men 2 studenter er låst dit: Student s1 og Student s2.');
  });
});
