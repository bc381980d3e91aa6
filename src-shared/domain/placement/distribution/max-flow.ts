/**
 * Maximum flow (Dinic's algorithm) on a directed graph with integer capacities. The distribution
 * uses it to decide feasibility exactly and, from the minimum cut, to name the students whose
 * allowed sites have too few places (Hall's condition).
 */
export class MaxFlow {
  private readonly head: number[];
  private readonly to: number[] = [];
  private readonly next: number[] = [];
  private readonly residual: number[] = [];
  private level: number[] = [];
  private cursor: number[] = [];

  constructor(readonly nodes: number) {
    this.head = new Array<number>(nodes).fill(-1);
  }

  addEdge(from: number, to: number, capacity: number): void {
    for (const [a, b, c] of [
      [from, to, capacity],
      [to, from, 0],
    ] as const) {
      this.to.push(b);
      this.residual.push(c);
      this.next.push(this.head[a]!);
      this.head[a] = this.to.length - 1;
    }
  }

  /** Pushes the maximum flow from source to sink and returns its value. */
  run(source: number, sink: number): number {
    let flow = 0;
    while (this.buildLevels(source)[sink]! >= 0) {
      this.cursor = [...this.head];
      for (let pushed = this.push(source, sink, Infinity); pushed > 0; pushed = this.push(source, sink, Infinity)) flow += pushed;
    }
    return flow;
  }

  /** After `run`: the nodes reachable from the source in the residual graph (the minimum cut's source side). */
  reachable(source: number): boolean[] {
    return this.buildLevels(source).map((level) => level >= 0);
  }

  private buildLevels(source: number): number[] {
    this.level = new Array<number>(this.nodes).fill(-1);
    this.level[source] = 0;
    const queue = [source];
    for (let i = 0; i < queue.length; i++) {
      const node = queue[i]!;
      for (let edge = this.head[node]!; edge >= 0; edge = this.next[edge]!) {
        const target = this.to[edge]!;
        if (this.residual[edge]! > 0 && this.level[target]! < 0) {
          this.level[target] = this.level[node]! + 1;
          queue.push(target);
        }
      }
    }
    return this.level;
  }

  private push(node: number, sink: number, limit: number): number {
    if (node === sink) return limit;
    for (; this.cursor[node]! >= 0; this.cursor[node] = this.next[this.cursor[node]!]!) {
      const edge = this.cursor[node]!;
      const target = this.to[edge]!;
      if (this.residual[edge]! <= 0 || this.level[target] !== this.level[node]! + 1) continue;
      const pushed = this.push(target, sink, Math.min(limit, this.residual[edge]!));
      if (pushed > 0) {
        this.residual[edge]! -= pushed;
        this.residual[edge ^ 1]! += pushed;
        return pushed;
      }
    }
    return 0;
  }
}
