import { beforeEach, describe, expect, it } from 'vitest';
import { useBulkSelection, type SelectedCase } from './bulk-selection';

const cases: SelectedCase[] = ['a', 'b', 'c'].map((id) => ({ id, caseNumber: `2026/0000${id}`, title: `Sak ${id}`, type: 'approval' }));
const ids = () => [...useBulkSelection.getState().selected.keys()];

describe('the overview’s selection for bulk steps', () => {
  beforeEach(() => useBulkSelection.getState().clear());

  it('toggles a case on and off, keeping only what the bar needs of it', () => {
    const { toggle } = useBulkSelection.getState();
    toggle({ ...cases[0]!, status: 'registered' } as SelectedCase);
    expect(useBulkSelection.getState().selected.get('a')).toEqual(cases[0]);
    toggle(cases[0]!);
    expect(ids()).toEqual([]);
  });

  it('adds a whole list once, in order, and drops the cases that left the filter', () => {
    const { selectAll, keepOnly } = useBulkSelection.getState();
    selectAll([cases[1]!, cases[0]!]);
    selectAll(cases);
    expect(ids()).toEqual(['b', 'a', 'c']);
    keepOnly(new Set(['a', 'c']));
    expect(ids()).toEqual(['a', 'c']);
  });

  it('keeps the same selection when nothing left the filter', () => {
    const { selectAll, keepOnly } = useBulkSelection.getState();
    selectAll(cases);
    const before = useBulkSelection.getState().selected;
    keepOnly(new Set(['a', 'b', 'c', 'd']));
    expect(useBulkSelection.getState().selected).toBe(before);
  });
});
