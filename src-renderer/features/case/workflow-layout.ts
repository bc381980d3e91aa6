import type { CaseWorkflow, StatusChangeStep } from '../../../src-shared/domain/workflow/workflow';

/**
 * The workflow as a drawing: every status of the definition as a box in process order, top to
 * bottom; a step to the next box is a straight arrow, any other step (a skip, a way back, a
 * closure) a bracket on the right, in its own lane so no two overlap. Nothing here names a
 * status: it all comes from the workflow definition.
 */
export const NODE = { x: 8, width: 248, height: 32, gap: 16, top: 8 } as const;
const LANE_WIDTH = 14;

export interface DiagramNode {
  status: string;
  x: number;
  y: number;
  current: boolean;
  /** A status the case can move to from the current one. */
  next: boolean;
  terminal: boolean;
}

export interface DiagramEdge {
  step: StatusChangeStep;
  /** SVG path data, ending where the arrowhead goes. */
  path: string;
  /** Leaves the current status. */
  next: boolean;
}

export interface WorkflowDiagram {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  width: number;
  height: number;
}

export function workflowDiagram(workflow: CaseWorkflow, current: string): WorkflowDiagram {
  const index = new Map(workflow.statuses.map((status, i) => [status, i]));
  const top = (i: number) => NODE.top + i * (NODE.height + NODE.gap);
  const nextStatuses = new Set(workflow.statusChanges.filter((step) => step.from === current).map((step) => step.to));
  const nodes = workflow.statuses.map((status, i) => ({
    status,
    x: NODE.x,
    y: top(i),
    current: status === current,
    next: nextStatuses.has(status),
    terminal: workflow.terminal.includes(status),
  }));

  const at = (step: StatusChangeStep) => [index.get(step.from) ?? 0, index.get(step.to) ?? 0] as const;
  const straight = (step: StatusChangeStep) => at(step)[1] === at(step)[0] + 1;
  const brackets = workflow.statusChanges.filter((step) => !straight(step));
  // Shortest spans nearest the boxes; each takes the first lane free over its span.
  const lanes = new Map<StatusChangeStep, number>();
  const taken: { lane: number; low: number; high: number }[] = [];
  for (const step of [...brackets].sort((a, b) => span(at(a)) - span(at(b)))) {
    const [from, to] = at(step);
    const low = Math.min(from, to);
    const high = Math.max(from, to);
    let lane = 1;
    while (taken.some((t) => t.lane === lane && t.low <= high && low <= t.high)) lane += 1;
    taken.push({ lane, low, high });
    lanes.set(step, lane);
  }

  const centreX = NODE.x + NODE.width / 2;
  const right = NODE.x + NODE.width;
  const edges = workflow.statusChanges.map((step) => {
    const [from, to] = at(step);
    const next = step.from === current;
    if (straight(step)) return { step, next, path: `M ${centreX} ${top(from) + NODE.height} V ${top(to) - 2}` };
    const laneX = right + (lanes.get(step) ?? 1) * LANE_WIDTH;
    // Leave a little below the box's middle and arrive a little above it, so brackets sharing a box stay apart.
    const fromY = top(from) + NODE.height / 2 + 6;
    const toY = top(to) + NODE.height / 2 - 6;
    return { step, next, path: `M ${right} ${fromY} H ${laneX} V ${toY} H ${right + 2}` };
  });
  const laneCount = Math.max(0, ...lanes.values());
  return {
    nodes,
    edges,
    width: right + (laneCount + 1) * LANE_WIDTH,
    height: top(workflow.statuses.length - 1) + NODE.height + NODE.top,
  };
}

function span([from, to]: readonly [number, number]): number {
  return Math.abs(to - from);
}
