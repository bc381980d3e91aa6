import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Case } from '../../../../src-shared/domain/case/case.schema';
import { dateOf } from '../../../../src-shared/domain/calendar/iso-date';
import { courseDeliveryWorkflow, type CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import { passListOf } from '../../../../src-shared/domain/course-delivery/participants';
import { AppError } from '../../../../src-shared/kernel/app-error';
import { useDatabase } from '../../../app/providers';
import { formatDateTime } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { useActingUser, type ActingUser } from '../../case/acting-user';
import { useStaffDirectory } from '../../case/use-staff-directory';
import { useOrganisation } from '../../organisation/use-organisation';
import { contractParts } from '../contract/contract-parts';
import { certificateBatchOf } from './certificate-batch-input';
import { CertificateTextForm } from './certificate-text-form';
import { useCertificatesText } from './certificates-text';
import { takeIssueCertificates } from './issue-certificates-step';
import { useCertificateBatch } from './use-certificate-batch';
import './certificates.css';

const HEADING_ID = 'course-certificates-heading';

/**
 * The course certificates (kursbevis) of a course case: the department head writes the text; the
 * operations consultant sees the pass list and sends one sealed certificate to each participant
 * who passed, with a progress bar. The batch runs in the main process and resumes where it stopped;
 * when it has finished, the step "issue certificates" is taken.
 */
export function CertificatesPanel({ caseDoc }: { caseDoc: Case }) {
  const actor = useActingUser();
  if (caseDoc.type !== 'courseDelivery') return null;
  const course = caseDoc as CourseDeliveryCase;
  return (
    <section aria-labelledby={HEADING_ID} className="course-certificates">
      <CertificatesHeading />
      <CertificateTextForm caseDoc={course} actor={actor} />
      <CertificatesIssue caseDoc={course} actor={actor} />
    </section>
  );
}

function CertificatesHeading() {
  return (
    <Heading level={2} data-size="sm" id={HEADING_ID}>
      {useCertificatesText().heading}
    </Heading>
  );
}

function CertificatesIssue({ caseDoc, actor }: { caseDoc: CourseDeliveryCase; actor: ActingUser }) {
  const t = useCertificatesText();
  const { locale } = useT();
  const db = useDatabase();
  const organisation = useOrganisation();
  const staff = useStaffDirectory();
  const { status, problem, start } = useCertificateBatch(caseDoc.id);
  const [stepProblem, setStepProblem] = useState<string | null>(null);
  const [stepDone, setStepDone] = useState(false);
  const stepTaken = useRef(false);
  const { participants = [], results, certificates } = caseDoc.details;
  const list = useMemo(() => passListOf(participants, results), [participants, results]);
  const admitted = participants.filter((p) => p.status === 'admitted').length;
  const parts = useMemo(() => (organisation ? contractParts(caseDoc, organisation, staff) : undefined), [caseDoc, organisation, staff]);
  const allowed = courseDeliveryWorkflow.allowedEvents(caseDoc, actor).includes('issueCertificates');
  const graded = caseDoc.status === 'graded' || caseDoc.status === 'certificatesSent';
  const running = status?.state === 'running';
  const failed = status?.state === 'failed';
  const finished = status?.state === 'finished';

  // The batch done, the course moves on to "certificates sent" (once; the workflow refuses a repeat).
  useEffect(() => {
    if (!finished || !allowed || stepTaken.current) return;
    stepTaken.current = true;
    takeIssueCertificates(db, caseDoc, actor, new Date().toISOString()).then(
      () => setStepDone(true),
      (error: unknown) => setStepProblem(AppError.from(error).message),
    );
  }, [finished, allowed, db, caseDoc, actor]);

  const send = () => {
    if (!parts) return;
    void start({ caseId: caseDoc.id, batch: certificateBatchOf(caseDoc, parts, actor.name, dateOf(new Date())) });
  };
  const count = list.passed.length;
  const mayStart = parts !== undefined && count > 0 && caseDoc.details.certificateText !== undefined && !running;

  return (
    <section aria-labelledby="course-certificates-issue-heading" className="course-certificates__part">
      <Heading level={3} data-size="xs" id="course-certificates-issue-heading">
        {t.issueHeading}
      </Heading>
      {results ? <Paragraph data-size="sm">{t.passList(count, admitted)}</Paragraph> : <Paragraph data-size="sm">{t.noResults}</Paragraph>}
      {results && list.missing.length > 0 && <Paragraph data-size="sm">{t.missing(list.missing.length)}</Paragraph>}
      {!graded && <Paragraph data-size="sm">{t.notYet}</Paragraph>}
      {certificates && <Paragraph data-size="sm">{t.sent(certificates.count, formatDateTime(certificates.issuedAt, locale))}</Paragraph>}
      {allowed && !status?.total && <Paragraph data-size="sm">{t.issueDescription}</Paragraph>}
      {allowed && organisation && !parts && <Paragraph data-size="sm">{t.noHead}</Paragraph>}
      {allowed && !organisation && <Paragraph data-size="sm">{t.needsParts}</Paragraph>}
      {allowed && !running && !failed && !finished && (
        <div className="course-certificates__actions">
          <Button type="button" disabled={!mayStart} onClick={send}>
            {t.issue(count)}
          </Button>
        </div>
      )}
      {status && status.state !== 'idle' && (
        <div className="course-certificates__progress">
          <label htmlFor="course-certificates-progress">{t.progressLabel}</label>
          <progress id="course-certificates-progress" max={status.total} value={status.done}>
            {t.progress(status.done, status.total)}
          </progress>
          <Paragraph data-size="sm" aria-live="polite">
            {t.progress(status.done, status.total)}
          </Paragraph>
        </div>
      )}
      <div role="status">
        {status && status.resumed > 0 && <Paragraph data-size="sm">{t.resumed(status.resumed)}</Paragraph>}
        {finished && (
          <Alert data-color="success">
            <Paragraph>{t.finished(status.total)}</Paragraph>
            {stepDone && <Paragraph>{t.stepTaken}</Paragraph>}
          </Alert>
        )}
      </div>
      {(failed || problem) && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{t.failed(problem ?? status?.error ?? '')}</Paragraph>
          <Button type="button" variant="secondary" disabled={!parts || count === 0} onClick={send}>
            {t.retry}
          </Button>
        </Alert>
      )}
      {stepProblem && (
        <Alert data-color="danger" role="alert">
          {t.stepFailed(stepProblem)}
        </Alert>
      )}
    </section>
  );
}
