import { describe, expect, it } from 'vitest';
import { compareListOrder, type ListPosition } from './case-query';
import { ListOrder } from './list-order';

describe('items kept in list order', () => {
  it('gives every current item in list order after additions, changes and removals in any order', () => {
    const items = new Map<string, ListPosition>();
    const order = new ListOrder((id) => items.get(id));
    let seed = 7;
    const random = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    for (let round = 0; round < 20; round += 1) {
      for (let step = 0; step < 50; step += 1) {
        const id = `case-${String(random(300)).padStart(4, '0')}`;
        if (random(4) === 0) items.delete(id);
        else items.set(id, { id, nextDeadline: `2026-03-${String(1 + random(28)).padStart(2, '0')}` });
        order.touch(id);
      }
      const want = [...items.values()].sort(compareListOrder);
      expect(order.items()).toEqual(want);
      expect(order.items()).toHaveLength(items.size);
    }
    expect(items.size).toBeGreaterThan(100);
  });
});
