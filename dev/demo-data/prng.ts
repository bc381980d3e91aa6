/** A small, fast, seeded PRNG (mulberry32): returns numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const HEX_BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

interface WeightTable<K> {
  keys: K[];
  weights: number[];
  total: number;
}
const weightTables = new WeakMap<object, WeightTable<string>>();

/** Conveniences over a random source; every call consumes the source deterministically. */
export class Rng {
  constructor(readonly next: () => number) {}

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick() from an empty list');
    return item;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Picks a key by weight (pass the same weights object again and its table is reused). */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    let table = weightTables.get(weights) as WeightTable<K> | undefined;
    if (!table) {
      const entries = Object.entries(weights) as [K, number][];
      table = { keys: entries.map(([key]) => key), total: entries.reduce((sum, [, weight]) => sum + weight, 0), weights: entries.map(([, w]) => w) };
      weightTables.set(weights, table);
    }
    let roll = this.next() * table.total;
    for (let i = 0; i < table.keys.length; i++) {
      roll -= table.weights[i]!;
      if (roll < 0) return table.keys[i]!;
    }
    return table.keys[table.keys.length - 1]!;
  }

  /** 64 hex characters (a stand-in checksum for demo documents). */
  hex64(): string {
    let out = '';
    for (let i = 0; i < 16; i++) {
      const word = Math.floor(this.next() * 65_536);
      out += HEX_BYTES[word >>> 8]! + HEX_BYTES[word & 0xff]!;
    }
    return out;
  }
}
