import { describe, expect, it } from 'vitest';
import { mergeDocuments } from './merge-policy';

const base = {
  id: 'c1',
  title: 'Sak',
  status: 'open',
  deadlines: [{ kind: 'summons', due: '2026-04-01', label: 'Innkalling' }],
  nextDeadline: '2026-04-01',
  updatedAt: '2026-03-01T10:00:00.000Z',
  updatedBy: 'base-user',
  _deleted: false,
};

describe('mergeDocuments', () => {
  it('never reports bookkeeping fields and stamps the local writer when local changes survive', () => {
    const server = { ...base, status: 'summoned', updatedAt: '2026-03-02T10:00:00.000Z', updatedBy: 'server-user' };
    const local = { ...base, title: 'Ny tittel', updatedAt: '2026-03-03T10:00:00.000Z', updatedBy: 'me' };
    const { merged, conflicts } = mergeDocuments('cases', { base, server, local });
    expect(conflicts).toEqual([]);
    expect(merged).toMatchObject({ status: 'summoned', title: 'Ny tittel', updatedBy: 'me', updatedAt: '2026-03-03T10:00:00.000Z' });
  });

  it('keeps the server stamp when nothing local survives the merge', () => {
    const server = { ...base, title: 'Server', updatedBy: 'server-user' };
    const local = { ...base, title: 'Lokal', updatedBy: 'me' };
    const { merged, conflicts } = mergeDocuments('cases', { base, server, local });
    expect(conflicts.map((c) => c.path)).toEqual(['title']);
    expect(merged.updatedBy).toBe('server-user');
  });

  it("recomputes a case's next deadline from the merged deadlines", () => {
    const server = { ...base, deadlines: [...base.deadlines, { kind: 'meeting', due: '2026-03-20', label: 'Møte' }], nextDeadline: '2026-03-20' };
    const local = { ...base, title: 'Lokal' };
    expect(mergeDocuments('cases', { base, server, local }).merged.nextDeadline).toBe('2026-03-20');
  });

  it('merges other collections with the plain three-way merge', () => {
    const note = { id: 'n1', text: 'a', _deleted: false };
    expect(mergeDocuments('notes', { base: note, server: note, local: { ...note, text: 'b' } }).merged.text).toBe('b');
  });
});
