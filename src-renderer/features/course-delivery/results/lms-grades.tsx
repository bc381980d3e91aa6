import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useCallback } from 'react';
import { courseDeliveryWorkflow, type CourseDeliveryCase, type CourseDeliveryEvent } from '../../../../src-shared/domain/course-delivery';
import { useApi, useDatabase } from '../../../app/providers';
import { formatDateTime } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import type { ActingUser } from '../../case/acting-user';
import { StepNotice } from '../../case/step-notice';
import { useStepRunner } from '../../case/use-step-runner';
import { takeCourseStep, type CourseStepReport } from '../course-steps';
import { useResultsText } from './results-text';

/**
 * Asking the LMS for the grades (the workflow step requestLmsGrades: the teaching resource or the
 * operations consultant): when it was last asked and when the grades came.
 */
export function LmsGrades({ caseDoc, actor }: { caseDoc: CourseDeliveryCase; actor: ActingUser }) {
  const t = useResultsText().lms;
  const { locale } = useT();
  const api = useApi();
  const db = useDatabase();
  const take = useCallback((event: CourseDeliveryEvent) => takeCourseStep({ api, db, actor }, caseDoc, event), [api, db, actor, caseDoc]);
  const { state, run } = useStepRunner<CourseDeliveryEvent, CourseStepReport>(take);
  const { gradesRequest, results } = caseDoc.details;
  const arrived = results?.source === 'lms' ? results.recordedAt : undefined;
  const mayAsk = courseDeliveryWorkflow.allowedEvents(caseDoc, actor).includes('requestLmsGrades');
  return (
    <section aria-labelledby="course-lms-grades-heading" className="course-results__part">
      <Heading level={3} data-size="xs" id="course-lms-grades-heading">
        {t.heading}
      </Heading>
      <Paragraph data-size="sm">{gradesRequest ? t.requested(formatDateTime(gradesRequest.requestedAt, locale)) : t.notRequested}</Paragraph>
      {arrived && <Paragraph data-size="sm">{t.arrived(formatDateTime(arrived, locale))}</Paragraph>}
      {gradesRequest && (!arrived || arrived < gradesRequest.requestedAt) && <Paragraph data-size="sm">{t.waiting}</Paragraph>}
      {mayAsk && (
        <Button type="button" variant="secondary" disabled={state.busy} onClick={() => void run({ type: 'requestLmsGrades', at: new Date().toISOString() })}>
          {t.fetch}
        </Button>
      )}
      <StepNotice busy={state.busy} working={t.working} done={state.last ? { text: t.done, lines: [] } : undefined} refused={state.error} />
    </section>
  );
}
