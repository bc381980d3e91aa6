import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Case } from '../../../../src-shared/domain/case/case.schema';
import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import { formatDateTime } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { useActingUser } from '../../case/acting-user';
import { courseAccess } from '../participants/course-details-edit';
import { LmsGrades } from './lms-grades';
import { PassListUpload } from './pass-list-upload';
import { PassListView } from './pass-list-view';
import { useResultsText } from './results-text';
import './results.css';

/**
 * The course's results: the teaching resource uploads the pass list or has the grades read from
 * the LMS (the consultant may ask the LMS too); the head of department and the consultant see the
 * pass list the certificates are made from.
 */
export function ResultsPanel({ caseDoc }: { caseDoc: Case | CourseDeliveryCase }) {
  if (caseDoc.type !== 'courseDelivery') return null;
  return <CourseResults caseDoc={caseDoc as CourseDeliveryCase} />;
}

function CourseResults({ caseDoc }: { caseDoc: CourseDeliveryCase }) {
  const t = useResultsText();
  const { locale } = useT();
  const actor = useActingUser();
  const { results, teachingResource } = caseDoc.details;
  const teaches = actor.userId === teachingResource.userId && courseAccess(actor, 'results').write;
  const asksLms = teaches || actor.roles.includes('operationsConsultant');
  return (
    <section aria-labelledby="course-results-heading" className="course-page__section course-results" data-testid="course-results">
      <Heading level={2} data-size="sm" id="course-results-heading">
        {t.heading}
      </Heading>
      <Paragraph data-size="sm">{results ? t.recorded(results.source, formatDateTime(results.recordedAt, locale), results.entries.length) : t.none}</Paragraph>
      {asksLms && <LmsGrades caseDoc={caseDoc} actor={actor} />}
      {teaches ? <PassListUpload key={actor.userId} caseDoc={caseDoc} actor={actor} /> : <Paragraph data-size="sm">{t.upload.notYours}</Paragraph>}
      {courseAccess(actor, 'participants').read && <PassListView caseDoc={caseDoc} />}
    </section>
  );
}
