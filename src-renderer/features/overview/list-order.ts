import { compareListOrder, type ListPosition } from './case-query';

/**
 * Items kept in list order while they change, put in order again only when asked after a change.
 * The last order, less what changed since, is still one sorted run; what changed goes after it, and
 * V8's sort (TimSort) takes that run whole and merges the rest into it: after a burst of changes
 * about one pass over the items instead of a full sort.
 */
export class ListOrder<T extends ListPosition> {
  private ordered: T[] = [];
  private readonly changed = new Set<string>();

  /** `current` gives an item as it is now, or undefined once it is gone. */
  constructor(private readonly current: (id: string) => T | undefined) {}

  /** The item `id` was added, changed or removed. */
  touch(id: string): void {
    this.changed.add(id);
  }

  /** Every item, in list order. */
  items(): readonly T[] {
    if (this.changed.size === 0) return this.ordered;
    const next = this.ordered.filter((item) => !this.changed.has(item.id));
    for (const id of this.changed) {
      const item = this.current(id);
      if (item) next.push(item);
    }
    this.changed.clear();
    return (this.ordered = next.sort(compareListOrder));
  }
}
