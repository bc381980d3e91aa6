import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { roleLabels } from '../../../src-shared/domain/access/roles';
import type { CaseWorkflow } from '../../../src-shared/domain/workflow/workflow';
import { useAppStore } from '../../app/store';
import { useCaseText } from './case-text';
import { NODE, workflowDiagram } from './workflow-layout';
import './case.css';

/**
 * A case type's workflow with the case's place in it: every status of the shared definition,
 * the current one filled, the ones it can move to outlined; below it, in words, each next step
 * and who takes it. The drawing has a text equivalent (title and description) for screen readers.
 */
export function WorkflowDiagram({
  workflow,
  status,
  statusLabels,
  title,
}: {
  workflow: CaseWorkflow;
  status: string;
  statusLabels: Readonly<Record<string, { nb: string; en: string }>>;
  /** The drawing's title, e.g. "The process of a follow-up case". */
  title: string;
}) {
  const t = useCaseText().workflow;
  const language = useAppStore((state) => state.language);
  const titleId = useId();
  const descId = useId();
  const diagram = workflowDiagram(workflow, status);
  const statusLabel = (s: string) => statusLabels[s]?.[language] ?? s;
  const nextSteps = workflow.statusChanges
    .filter((step) => step.from === status)
    .map((step) => ({
      key: `${step.event}-${step.to}`,
      event: workflow.eventLabel(step.event)?.[language] ?? step.event,
      to: statusLabel(step.to),
      // Server-only steps (no role) are the central server's.
      roles: step.roles.length === 0 ? t.server : step.roles.map((role) => roleLabels[role][language]).join(t.or),
    }));
  const description = [
    t.currentIs(statusLabel(status)),
    nextSteps.length === 0 ? t.noNextSteps : t.nextAre(nextSteps.map((step) => t.step(step.event, step.roles)).join('; ')),
  ].join(' ');

  return (
    <section aria-labelledby={`${titleId}-heading`} className="workflow-diagram">
      <Heading level={2} data-size="sm" id={`${titleId}-heading`}>
        {t.heading}
      </Heading>
      <figure className="workflow-diagram__figure">
        <svg
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          viewBox={`0 0 ${diagram.width} ${diagram.height}`}
          width={diagram.width}
          className="workflow-diagram__svg"
        >
          <title id={titleId}>{title}</title>
          <desc id={descId}>{description}</desc>
          <defs>
            <marker id={`${titleId}-arrow`} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 8 4 L 0 8 z" className="workflow-diagram__arrowhead" />
            </marker>
            <marker id={`${titleId}-arrow-next`} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 8 4 L 0 8 z" className="workflow-diagram__arrowhead workflow-diagram__arrowhead--next" />
            </marker>
          </defs>
          {diagram.edges.map((edge) => (
            <path
              key={`${edge.step.from}-${edge.step.to}`}
              d={edge.path}
              className={`workflow-diagram__edge${edge.next ? ' workflow-diagram__edge--next' : ''}`}
              markerEnd={`url(#${titleId}-arrow${edge.next ? '-next' : ''})`}
            />
          ))}
          {diagram.nodes.map((node) => (
            <g
              key={node.status}
              className={[
                'workflow-diagram__node',
                node.current ? 'workflow-diagram__node--current' : '',
                node.next ? 'workflow-diagram__node--next' : '',
              ].join(' ')}
            >
              <rect x={node.x} y={node.y} width={NODE.width} height={NODE.height} rx={node.terminal ? NODE.height / 2 : 6} />
              <text x={node.x + 12} y={node.y + NODE.height / 2} dominantBaseline="central">
                {node.current ? `▶ ${statusLabel(node.status)}` : statusLabel(node.status)}
              </text>
            </g>
          ))}
        </svg>
        <figcaption className="workflow-diagram__caption">
          <Paragraph data-size="sm">{t.legend}</Paragraph>
        </figcaption>
      </figure>
      <Heading level={3} data-size="2xs">
        {t.whoActsNext}
      </Heading>
      {nextSteps.length === 0 ? (
        <Paragraph>{t.noNextSteps}</Paragraph>
      ) : (
        <ul className="workflow-diagram__next">
          {nextSteps.map((step) => (
            <li key={step.key}>{t.nextStep(step.event, step.to, step.roles)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
