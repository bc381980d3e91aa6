import { create } from 'zustand';
import type { Case } from '../../../../src-shared/domain/case/case.schema';

/** What the bulk bar needs of a selected case without reading it again: its name and its type. */
export type SelectedCase = Pick<Case, 'id' | 'caseNumber' | 'title' | 'type'>;

interface BulkSelectionState {
  /** Selected cases by id, in the order they were selected. */
  selected: ReadonlyMap<string, SelectedCase>;
  toggle: (item: SelectedCase) => void;
  selectAll: (items: readonly SelectedCase[]) => void;
  /** Drops the selected cases that are not among `ids` (they left the filter). */
  keepOnly: (ids: ReadonlySet<string>) => void;
  clear: () => void;
}

/**
 * The overview's selection for bulk steps. It lives outside the (virtualized) list, so it survives
 * scrolling, paging and a visit to a case page.
 */
export const useBulkSelection = create<BulkSelectionState>()((set) => ({
  selected: new Map(),
  toggle: (item) =>
    set(({ selected }) => {
      const next = new Map(selected);
      if (!next.delete(item.id)) next.set(item.id, pick(item));
      return { selected: next };
    }),
  selectAll: (items) =>
    set(({ selected }) => {
      const next = new Map(selected);
      for (const item of items) next.set(item.id, pick(item));
      return { selected: next };
    }),
  keepOnly: (ids) =>
    set(({ selected }) => {
      const kept = [...selected].filter(([id]) => ids.has(id));
      return kept.length === selected.size ? { selected } : { selected: new Map(kept) };
    }),
  clear: () => set({ selected: new Map() }),
}));

const pick = ({ id, caseNumber, title, type }: SelectedCase): SelectedCase => ({ id, caseNumber, title, type });
