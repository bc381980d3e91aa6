import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useCallback } from 'react';
import { bulkSteps } from '../../../src-shared/domain/case/bulk-steps';
import { courseDeliveryWorkflow, type CourseDeliveryCase, type CourseDeliveryEvent } from '../../../src-shared/domain/course-delivery';
import { useApi, useDatabase } from '../../app/providers';
import { useAppStore } from '../../app/store';
import type { ActingUser } from '../case/acting-user';
import { StepNotice } from '../case/step-notice';
import { useStepRunner } from '../case/use-step-runner';
import { useCourseDeliveryText } from './course-delivery-text';
import { takeCourseStep, type CourseStepReport } from './course-steps';
import { CourseStepForm } from './steps/course-step-form';
import { isInputStep } from './steps/step-inputs';

/** Steps that need nothing but the click (the shared rule: no input, no document or signature). */
const clickSteps = new Set(bulkSteps('courseDelivery').map((step) => step.event));

/**
 * The workflow's next steps for the acting user: those that need only the click as buttons, those
 * that need input as forms (steps/), all taken the same way; the contract's and the certificates'
 * steps are named here and taken in their panels below.
 */
export function CourseStepPanel({ caseDoc, actor }: { caseDoc: CourseDeliveryCase; actor: ActingUser }) {
  const text = useCourseDeliveryText();
  const t = text.page;
  const language = useAppStore((state) => state.language);
  const api = useApi();
  const db = useDatabase();
  const take = useCallback((event: CourseDeliveryEvent) => takeCourseStep({ api, db, actor }, caseDoc, event), [api, db, actor, caseDoc]);
  const { state, run } = useStepRunner<CourseDeliveryEvent, CourseStepReport>(take);
  const label = (event: string) => courseDeliveryWorkflow.eventLabel(event)?.[language] ?? event;
  const allowed = courseDeliveryWorkflow.allowedEvents(caseDoc, actor);
  const buttons = allowed.filter((event) => clickSteps.has(event));
  const forms = allowed.filter(isInputStep);
  const others = allowed.filter((event) => !clickSteps.has(event) && !isInputStep(event));
  return (
    <section aria-labelledby="course-steps-heading" className="course-page__section">
      <Heading level={2} data-size="sm" id="course-steps-heading">
        {t.steps}
      </Heading>
      {allowed.length === 0 && <Paragraph>{t.noSteps}</Paragraph>}
      {buttons.length > 0 && (
        <div className="course-page__actions">
          {buttons.map((event) => (
            <Button
              key={event}
              type="button"
              disabled={state.busy}
              onClick={() => void run({ type: event, at: new Date().toISOString() } as CourseDeliveryEvent)}
            >
              {label(event)}
            </Button>
          ))}
        </div>
      )}
      {forms.map((event) => (
        <CourseStepForm key={event} type={event} caseDoc={caseDoc} label={label(event)} busy={state.busy} run={run} />
      ))}
      {others.length > 0 && <Paragraph data-size="sm">{t.otherSteps(others.map(label).join(', '))}</Paragraph>}
      <StepNotice
        busy={state.busy}
        working={t.working}
        done={state.last ? { text: t.done(label(state.last.event)), lines: [] } : undefined}
        refused={state.error && t.refused(state.error)}
      />
    </section>
  );
}
