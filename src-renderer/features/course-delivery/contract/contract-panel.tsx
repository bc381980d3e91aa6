import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { courseContractInput } from '../../../../src-shared/documents/course-contract-input';
import type { Case } from '../../../../src-shared/domain/case/case.schema';
import { courseDeliveryWorkflow, type CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import { AppError } from '../../../../src-shared/kernel/app-error';
import { unwrap } from '../../../../src-shared/kernel/result';
import { useApi } from '../../../app/providers';
import { formatDateTime } from '../../../i18n/format';
import { useActingUser } from '../../case/acting-user';
import { PdfFrame } from '../../case/pdf-frame';
import { useStaffDirectory } from '../../case/use-staff-directory';
import { useOrganisation } from '../../organisation/use-organisation';
import { CountersignContractForm, SendContractForm, SignContractForm } from './contract-forms';
import { contractParts } from './contract-parts';
import { ContractStepNotice } from './contract-step-notice';
import { useContractText } from './contract-text';
import { useContractStep } from './use-contract-step';
import './contract.css';

const HEADING_ID = 'course-contract-heading';

/**
 * The teaching resource's contract on a course case: where it stands (sent, signed, archived), a
 * preview of the real PDF the main process renders from the course, and the acting user's part:
 * the department head makes and sends it, the teaching resource signs it (on the screen or with
 * their certificate), the department head countersigns it and sends it to the archive.
 */
export function ContractPanel({ caseDoc }: { caseDoc: Case }) {
  if (caseDoc.type !== 'courseDelivery') return null;
  return <CourseContract caseDoc={caseDoc as CourseDeliveryCase} />;
}

function CourseContract({ caseDoc }: { caseDoc: CourseDeliveryCase }) {
  const t = useContractText();
  const api = useApi();
  const actor = useActingUser();
  const organisation = useOrganisation();
  const staff = useStaffDirectory();
  const { state, run } = useContractStep(caseDoc);
  const [shown, setShown] = useState<{ kind: 'preview' | 'signed'; pdfBase64: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const parts = useMemo(() => (organisation ? contractParts(caseDoc, organisation, staff) : undefined), [caseDoc, organisation, staff]);
  const contract = caseDoc.details.contract;
  const teacher = caseDoc.details.teachingResource.name;
  const allowed = courseDeliveryWorkflow.allowedEvents(caseDoc, actor);
  /** The contract as the course describes it, dated when it was sent (today before then). */
  const inputAt = useMemo(() => parts && ((sentAt: string) => courseContractInput(caseDoc, parts, sentAt)), [caseDoc, parts]);
  const countersigned = contract?.archivedAt !== undefined;

  const show = async (kind: 'preview' | 'signed') => {
    setProblem(null);
    try {
      const input = inputAt?.(contract?.sentAt ?? new Date().toISOString());
      const pdf =
        kind === 'signed' && contract
          ? unwrap(await api.documentsRead({ caseId: caseDoc.id, documentId: contract.documentId }))
          : input && unwrap(await api.documentsPreview({ kind: 'courseContract', contract: input }));
      if (pdf) setShown({ kind, pdfBase64: pdf.pdfBase64 });
    } catch (error) {
      setProblem(AppError.from(error).message);
    }
  };
  const formProps = inputAt && { caseDoc, actor, run, busy: state.busy, inputAt };

  return (
    <section aria-labelledby={HEADING_ID} className="course-contract">
      <Heading level={2} data-size="sm" id={HEADING_ID}>
        {t.heading}
      </Heading>
      {!contract && <Paragraph data-size="sm">{t.notSent}</Paragraph>}
      {contract && (
        <ul className="course-contract__facts">
          <li>{t.sent(formatDateTime(contract.sentAt, t.locale))}</li>
          {contract.signedAt ? <li>{t.signed(teacher, formatDateTime(contract.signedAt, t.locale))}</li> : <li>{t.waitingForSignature(teacher)}</li>}
          {contract.archivedAt && <li>{t.archived(formatDateTime(contract.archivedAt, t.locale))}</li>}
          {contract.signedAt && !contract.archivedAt && <li>{t.waitingForCountersignature}</li>}
          {contract.archiveReference && <li>{t.archiveReference(contract.archiveReference)}</li>}
        </ul>
      )}
      {!formProps && <Paragraph data-size="sm">{t.loading}</Paragraph>}
      <div className="course-contract__buttons">
        {formProps && !countersigned && (
          <Button variant="secondary" onClick={() => void show('preview')}>
            {t.preview}
          </Button>
        )}
        {(countersigned || contract?.signedAt) && (
          <Button variant="secondary" onClick={() => void show('signed')}>
            {t.showSigned}
          </Button>
        )}
        {shown && (
          <Button variant="tertiary" onClick={() => setShown(null)}>
            {t.hide}
          </Button>
        )}
      </div>
      {problem && (
        <Alert data-color="danger" role="alert">
          {problem}
        </Alert>
      )}
      {shown && (
        <div className="course-contract__pdf">
          <Paragraph data-size="sm">{shown.kind === 'preview' ? t.previewNote : t.signedNote}</Paragraph>
          <PdfFrame pdfBase64={shown.pdfBase64} title={shown.kind === 'preview' ? t.previewTitle : t.signedTitle} />
        </div>
      )}
      {formProps && allowed.includes('sendContract') && <SendContractForm {...formProps} />}
      {formProps && allowed.includes('signContract') && <SignContractForm {...formProps} />}
      {formProps && allowed.includes('archiveContract') && <CountersignContractForm {...formProps} />}
      <ContractStepNotice state={state} />
    </section>
  );
}
