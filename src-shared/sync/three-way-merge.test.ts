import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { changedPaths, threeWayMerge, valueAt, withValueAt } from './three-way-merge';

const base = {
  id: 'c1',
  title: 'Oppfølging',
  status: 'open',
  assignees: ['u1'],
  details: { absence: 10, coursework: 'missing' },
  _deleted: false,
};

describe('threeWayMerge', () => {
  it('merges fields changed on one side only, silently', () => {
    const server = { ...base, status: 'summoned' };
    const local = { ...base, title: 'Oppfølging – ny tittel' };
    expect(threeWayMerge({ base, server, local })).toEqual({
      merged: { ...base, status: 'summoned', title: 'Oppfølging – ny tittel' },
      conflicts: [],
    });
  });

  it('keeps the server value of a field changed on both sides and reports both values', () => {
    const server = { ...base, title: 'Server' };
    const local = { ...base, title: 'Lokal', status: 'closed' };
    const result = threeWayMerge({ base, server, local });
    expect(result.merged).toEqual({ ...base, title: 'Server', status: 'closed' });
    expect(result.conflicts).toEqual([{ path: 'title', local: 'Lokal', server: 'Server' }]);
  });

  it('merges inside plain objects key by key', () => {
    const server = { ...base, details: { ...base.details, absence: 12 } };
    const local = { ...base, details: { ...base.details, coursework: 'passed' } };
    expect(threeWayMerge({ base, server, local }).merged.details).toEqual({ absence: 12, coursework: 'passed' });
  });

  it('treats arrays as single values', () => {
    const server = { ...base, assignees: ['u1', 'u2'] };
    const local = { ...base, assignees: ['u3'] };
    const result = threeWayMerge({ base, server, local });
    expect(result.merged.assignees).toEqual(['u1', 'u2']);
    expect(result.conflicts).toEqual([{ path: 'assignees', local: ['u3'], server: ['u1', 'u2'] }]);
  });

  it('does not report a field both sides changed to the same value', () => {
    const server = { ...base, status: 'closed' };
    const local = { ...base, status: 'closed' };
    expect(threeWayMerge({ base, server, local }).conflicts).toEqual([]);
  });

  it('reports fields that were added or removed on both sides with null for absent', () => {
    const server = { ...base, extra: 'server' };
    const { title: _removed, ...withoutTitle } = base;
    const local = { ...withoutTitle, extra: 'local', title: undefined };
    const result = threeWayMerge({ base, server: { ...server, title: 'Endret' }, local });
    expect(result.conflicts).toEqual([
      { path: 'title', local: null, server: 'Endret' },
      { path: 'extra', local: 'local', server: 'server' },
    ]);
  });

  it('keeps a server deletion and reports the local edits it would hide', () => {
    const server = { ...base, _deleted: true };
    const local = { ...base, title: 'Lokal' };
    const result = threeWayMerge({ base, server, local });
    expect(result.merged._deleted).toBe(true);
    expect(result.conflicts).toEqual([{ path: 'title', local: 'Lokal', server: 'Oppfølging' }]);
  });

  it('keeps the server state when deleted locally but edited on the server', () => {
    const server = { ...base, status: 'closed' };
    const local = { ...base, _deleted: true };
    const result = threeWayMerge({ base, server, local });
    expect(result.merged).toEqual(server);
    expect(result.conflicts).toEqual([{ path: '_deleted', local: true, server: false }]);
  });

  it('lets an uncontested deletion through', () => {
    const local = { ...base, _deleted: true };
    expect(threeWayMerge({ base, server: base, local })).toEqual({ merged: local, conflicts: [] });
  });

  it('without a base, every differing field is a both-side conflict', () => {
    const server = { ...base, title: 'A' };
    const local = { ...base, title: 'B' };
    const result = threeWayMerge({ base: undefined, server, local });
    expect(result.merged.title).toBe('A');
    expect(result.conflicts.map((c) => c.path)).toEqual(['title']);
  });

  it('never loses a value: every local change is merged or reported (property)', () => {
    const value = fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 3 }), fc.constantFrom('a', 'b'));
    const doc = fc.record({ a: value, b: value, n: fc.record({ x: value, y: value }) });
    fc.assert(
      fc.property(doc, doc, doc, (b, s, l) => {
        const { merged, conflicts } = threeWayMerge({ base: b, server: s, local: l });
        for (const path of changedPaths(b, l)) {
          const kept = JSON.stringify(valueAt(merged, path)) === JSON.stringify(valueAt(l, path));
          const reported = conflicts.some((c) => path === c.path || path.startsWith(`${c.path}.`));
          if (!kept && !reported) return false;
        }
        for (const path of changedPaths(b, s)) {
          if (JSON.stringify(valueAt(merged, path)) !== JSON.stringify(valueAt(s, path))) return false;
        }
        return true;
      }),
    );
  });
});

describe('withValueAt', () => {
  it('sets and removes nested values without touching the input', () => {
    const doc = { a: { b: 1 }, c: 2 };
    expect(withValueAt(doc, 'a.b', 5)).toEqual({ a: { b: 5 }, c: 2 });
    expect(withValueAt(doc, 'c', undefined)).toEqual({ a: { b: 1 } });
    expect(doc).toEqual({ a: { b: 1 }, c: 2 });
  });
});
