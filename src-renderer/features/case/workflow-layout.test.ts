import { describe, expect, it } from 'vitest';
import { followUpWorkflow } from '../../../src-shared/domain/follow-up/follow-up.workflow';
import { NODE, workflowDiagram } from './workflow-layout';

/** The numbers in an SVG path, as [x, y] points. */
function points(path: string): [number, number][] {
  const out: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (const [, command, value, second] of path.matchAll(/([MHV]) (-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (command === 'M') [x, y] = [Number(value), Number(second)];
    else if (command === 'H') x = Number(value);
    else y = Number(value);
    out.push([x, y]);
  }
  return out;
}

describe('workflow diagram layout', () => {
  const diagram = workflowDiagram(followUpWorkflow, 'summoned');

  it('draws every status once, in process order, and every status change of the definition', () => {
    expect(diagram.nodes.map((node) => node.status)).toEqual([...followUpWorkflow.statuses]);
    expect(diagram.edges.map((edge) => `${edge.step.from}→${edge.step.to}`).sort()).toEqual(
      followUpWorkflow.statusChanges.map((step) => `${step.from}→${step.to}`).sort(),
    );
    const tops = diagram.nodes.map((node) => node.y);
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
    expect(new Set(tops).size).toBe(tops.length);
  });

  it('marks the current status and exactly the statuses the case can move to from it', () => {
    expect(diagram.nodes.filter((node) => node.current).map((node) => node.status)).toEqual(['summoned']);
    const reachable = followUpWorkflow.statusChanges.filter((step) => step.from === 'summoned').map((step) => step.to);
    expect(
      diagram.nodes
        .filter((node) => node.next)
        .map((node) => node.status)
        .sort(),
    ).toEqual([...reachable].sort());
    expect(
      diagram.edges
        .filter((edge) => edge.next)
        .map((edge) => edge.step.to)
        .sort(),
    ).toEqual([...reachable].sort());
    expect(diagram.nodes.filter((node) => node.terminal).map((node) => node.status)).toEqual([...followUpWorkflow.terminal]);
  });

  it('connects each step from its source box to its target box, inside the drawing', () => {
    const byStatus = new Map(diagram.nodes.map((node) => [node.status, node]));
    for (const edge of diagram.edges) {
      const path = points(edge.path);
      const [start, end] = [path[0]!, path.at(-1)!];
      const from = byStatus.get(edge.step.from)!;
      const to = byStatus.get(edge.step.to)!;
      expect(start[1], edge.path).toBeGreaterThanOrEqual(from.y);
      expect(start[1], edge.path).toBeLessThanOrEqual(from.y + NODE.height);
      expect(Math.abs(end[1] - to.y) <= NODE.height, edge.path).toBe(true);
      for (const [x, y] of path) {
        expect(x).toBeLessThanOrEqual(diagram.width);
        expect(y).toBeLessThanOrEqual(diagram.height);
      }
    }
  });

  it('gives brackets that span the same boxes their own lanes', () => {
    const brackets = diagram.edges
      .map((edge) => ({ edge, path: points(edge.path) }))
      .filter(({ path }) => path.length > 2)
      .map(({ edge, path }) => ({ edge, lane: path[1]![0], low: Math.min(path[1]![1], path[2]![1]), high: Math.max(path[1]![1], path[2]![1]) }));
    expect(brackets.length).toBeGreaterThan(0);
    for (const a of brackets) {
      for (const b of brackets) {
        if (a === b || a.lane !== b.lane) continue;
        expect(a.high < b.low || b.high < a.low, `${a.edge.path} and ${b.edge.path} share a lane`).toBe(true);
      }
    }
  });

  it('has no next steps from a terminal status', () => {
    const closed = workflowDiagram(followUpWorkflow, 'closed');
    expect(closed.nodes.some((node) => node.next)).toBe(false);
    expect(closed.edges.some((edge) => edge.next)).toBe(false);
  });
});
