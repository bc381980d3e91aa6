import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { roleLabels } from '../../../src-shared/domain/access/roles';
import { followUpStatusLabels, type FollowUpStatus } from '../../../src-shared/domain/follow-up/follow-up.schema';
import { followUpWorkflow } from '../../../src-shared/domain/follow-up/follow-up.workflow';
import { useAppStore } from '../../app/store';
import { useFollowUpText } from './follow-up-text';
import { NODE, workflowDiagram } from './workflow-layout';

/**
 * The follow-up workflow with the case's place in it: every status of the shared definition,
 * the current one filled, the ones it can move to outlined; below it, in words, each next step
 * and who takes it. The drawing has a text equivalent (title and description) for screen readers.
 */
export function WorkflowDiagram({ status }: { status: FollowUpStatus }) {
  const t = useFollowUpText().workflow;
  const language = useAppStore((state) => state.language);
  const titleId = useId();
  const descId = useId();
  const diagram = workflowDiagram(followUpWorkflow, status);
  const statusLabel = (s: string) => followUpStatusLabels[s as FollowUpStatus]?.[language] ?? s;
  const nextSteps = followUpWorkflow.statusChanges
    .filter((step) => step.from === status)
    .map((step) => ({
      key: `${step.event}-${step.to}`,
      event: followUpWorkflow.eventLabel(step.event)?.[language] ?? step.event,
      to: statusLabel(step.to),
      roles: step.roles.map((role) => roleLabels[role][language]).join(t.or),
    }));
  const description = [
    t.currentIs(statusLabel(status)),
    nextSteps.length === 0 ? t.noNextSteps : t.nextAre(nextSteps.map((step) => t.step(step.event, step.roles)).join('; ')),
  ].join(' ');

  return (
    <section aria-labelledby={`${titleId}-heading`} className="follow-up-workflow">
      <Heading level={2} data-size="sm" id={`${titleId}-heading`}>
        {t.heading}
      </Heading>
      <figure className="follow-up-workflow__figure">
        <svg
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          viewBox={`0 0 ${diagram.width} ${diagram.height}`}
          width={diagram.width}
          className="follow-up-workflow__svg"
        >
          <title id={titleId}>{t.title}</title>
          <desc id={descId}>{description}</desc>
          <defs>
            <marker id="follow-up-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 8 4 L 0 8 z" className="follow-up-workflow__arrowhead" />
            </marker>
            <marker id="follow-up-arrow-next" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 8 4 L 0 8 z" className="follow-up-workflow__arrowhead follow-up-workflow__arrowhead--next" />
            </marker>
          </defs>
          {diagram.edges.map((edge) => (
            <path
              key={`${edge.step.from}-${edge.step.to}`}
              d={edge.path}
              className={`follow-up-workflow__edge${edge.next ? ' follow-up-workflow__edge--next' : ''}`}
              markerEnd={`url(#${edge.next ? 'follow-up-arrow-next' : 'follow-up-arrow'})`}
            />
          ))}
          {diagram.nodes.map((node) => (
            <g
              key={node.status}
              className={[
                'follow-up-workflow__node',
                node.current ? 'follow-up-workflow__node--current' : '',
                node.next ? 'follow-up-workflow__node--next' : '',
              ].join(' ')}
            >
              <rect x={node.x} y={node.y} width={NODE.width} height={NODE.height} rx={node.terminal ? NODE.height / 2 : 6} />
              <text x={node.x + 12} y={node.y + NODE.height / 2} dominantBaseline="central">
                {node.current ? `▶ ${statusLabel(node.status)}` : statusLabel(node.status)}
              </text>
            </g>
          ))}
        </svg>
        <figcaption className="follow-up-workflow__caption">
          <Paragraph data-size="sm">{t.legend}</Paragraph>
        </figcaption>
      </figure>
      <Heading level={3} data-size="2xs">
        {t.whoActsNext}
      </Heading>
      {nextSteps.length === 0 ? (
        <Paragraph>{t.noNextSteps}</Paragraph>
      ) : (
        <ul className="follow-up-workflow__next">
          {nextSteps.map((step) => (
            <li key={step.key}>{t.nextStep(step.event, step.to, step.roles)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
