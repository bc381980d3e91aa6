import type { ChecklistState } from '../../../../src-shared/domain/course-delivery/checklist';

/**
 * A step's mark, by state: not started an open circle, in progress a diamond, done a filled
 * circle with a tick, not applicable a crossed square; overdue ones are red with a "!" above.
 * The shape carries the state, so colour is never the only sign.
 */
export function MarkerShape({ state, overdue, x, y }: { state: ChecklistState; overdue: boolean; x: number; y: number }) {
  const className = `course-timeline__marker course-timeline__marker--${state}${overdue ? ' course-timeline__marker--overdue' : ''}`;
  return (
    <g className={className}>
      {state === 'notStarted' && <circle cx={x} cy={y} r={5} />}
      {state === 'inProgress' && <path d={`M ${x} ${y - 6} L ${x + 6} ${y} L ${x} ${y + 6} L ${x - 6} ${y} Z`} />}
      {state === 'done' && (
        <>
          <circle cx={x} cy={y} r={6} />
          <path className="course-timeline__tick" d={`M ${x - 3} ${y} L ${x - 1} ${y + 2.5} L ${x + 3.5} ${y - 2.5}`} />
        </>
      )}
      {state === 'notApplicable' && (
        <>
          <rect x={x - 5} y={y - 5} width={10} height={10} />
          <path className="course-timeline__cross" d={`M ${x - 5} ${y + 5} L ${x + 5} ${y - 5}`} />
        </>
      )}
      {overdue && (
        <text x={x} y={y - 8} textAnchor="middle" className="course-timeline__bang">
          !
        </text>
      )}
    </g>
  );
}

/** The same shapes as a small picture beside a word (legend, list). */
export function MarkerIcon({ state, overdue = false }: { state: ChecklistState; overdue?: boolean }) {
  return (
    <svg width="18" height="20" viewBox="-9 -12 18 20" aria-hidden="true" focusable="false" className="course-timeline__icon">
      <MarkerShape state={state} overdue={overdue} x={0} y={2} />
    </svg>
  );
}
