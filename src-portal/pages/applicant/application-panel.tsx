import { Alert, Button, Heading, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { nominationStatusLabels } from '../../../src-shared/domain/nomination/nomination.schema';
import type { ApplicantApplication } from '../../../src-shared/portal/applicant.contract';
import type { PortalApi } from '../../api/portal-api';
import { formatDate } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/language';
import { ConfirmDialog } from '../confirm-dialog';
import { ChoicesSection } from './choices-section';
import { DocumentsSection } from './documents-section';
import { OfferAnswer } from './offer-answer';
import { OutcomeBox } from './outcome-box';
import { PersonalDataForm } from './personal-data-form';
import { refusalText } from '../refusal-text';

/** One application: status and deadlines, then what the applicant may do now, and its outcome. */
export function ApplicationPanel({ api, application, onChanged }: { api: PortalApi; application: ApplicantApplication; onChanged(): void }) {
  const t = useT();
  const { language } = useLanguage();
  const a = t.application;
  const [withdrawing, setWithdrawing] = useState(false);
  // What the last change did (or why it failed), announced; the application is then read again.
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>();
  const changed = (text: string) => {
    setNotice({ ok: true, text });
    onChanged();
  };
  const failed = (error: unknown) => setNotice({ ok: false, text: refusalText(t, error) });

  async function withdraw(reason: string) {
    try {
      await api.withdrawApplication(application.id, reason);
      changed(a.withdraw.done);
    } catch (error) {
      failed(error);
    } finally {
      setWithdrawing(false);
    }
  }

  return (
    <article className="portal-application" aria-labelledby={`application-${application.id}`}>
      <Heading level={2} data-size="lg" id={`application-${application.id}`}>
        {a.heading(application.offer.name, application.offer.term)}
      </Heading>
      <dl className="portal-facts">
        <dt>{a.status}</dt>
        <dd>
          <Tag data-testid="application-status">{nominationStatusLabels[application.status][language]}</Tag>
        </dd>
        <dt>{a.caseNumber}</dt>
        <dd>{application.caseNumber}</dd>
        <dt>{a.nominatedBy}</dt>
        <dd>
          {application.nominatorName}, {application.partnerName}
        </dd>
        {application.deadlines.application && (
          <>
            <dt>{a.applicationDeadline}</dt>
            <dd>{formatDate(application.deadlines.application, language)}</dd>
          </>
        )}
        {application.deadlines.answer && (
          <>
            <dt>{a.answerDeadline}</dt>
            <dd>{formatDate(application.deadlines.answer, language)}</dd>
          </>
        )}
      </dl>
      <div aria-live="polite">{notice && <Alert data-color={notice.ok ? 'success' : 'danger'}>{notice.text}</Alert>}</div>
      <OutcomeBox outcome={application.outcome} />
      <OfferAnswer api={api} application={application} onChanged={changed} onFailed={failed} />
      <PersonalDataForm api={api} application={application} onChanged={changed} onFailed={failed} />
      <DocumentsSection api={api} application={application} onChanged={changed} onFailed={failed} />
      {application.can.submit && <ChoicesSection api={api} application={application} onChanged={changed} onFailed={failed} />}
      {application.can.withdraw && (
        <div>
          <Button variant="secondary" data-color="danger" onClick={() => setWithdrawing(true)}>
            {a.withdraw.button}
          </Button>
          <ConfirmDialog
            open={withdrawing}
            title={a.withdraw.title}
            reason={{ label: a.withdraw.reason, required: a.withdraw.required }}
            confirm={a.withdraw.confirm}
            cancel={a.withdraw.cancel}
            onConfirm={withdraw}
            onClose={() => setWithdrawing(false)}
          />
        </div>
      )}
    </article>
  );
}
