import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { followUpWorkflow } from '../../../src-shared/domain/follow-up/follow-up.workflow';
import { useAppStore } from '../../app/store';
import { formatDate } from '../../i18n/format';
import { useFollowUpText } from './follow-up-text';
import type { CommandReport } from './follow-up-steps';
import type { StepState } from './use-step';

/** What the last step did, announced politely; a refusal is announced at once. */
export function StepNotice({ state }: { state: StepState }) {
  const dictionary = useFollowUpText();
  const t = dictionary.outcome;
  const language = useAppStore((s) => s.language);
  const describe = (report: CommandReport): string => {
    switch (report.type) {
      case 'document':
        return t.document(report.document.title, report.document.signatures.length);
      case 'signatureRequested':
        return t.signatureRequested(dictionary.documents.kinds[report.document], t.methods[report.method]);
      case 'archiveQueued':
        return t.archiveQueued(dictionary.documents.kinds[report.document], report.targets.map((target) => dictionary.documents.targets[target]).join(', '));
      case 'archiveFailed':
        return t.archiveFailed(dictionary.documents.kinds[report.document], report.message);
      case 'taskCreated':
        return t.taskCreated(report.title, formatDate(report.due, dictionary.locale));
      case 'letterQueued':
        return t.letterQueued(dictionary.documents.kinds[report.document]);
      case 'letterFailed':
        return t.letterFailed(dictionary.documents.kinds[report.document], report.message);
      case 'letterNotSent':
        return t.letterNotSent(dictionary.documents.kinds[report.document]);
      case 'noticeByServer':
        return t.noticeByServer;
      case 'noticeNotSent':
        return t.noticeNotSent;
      case 'integration':
        return t.integration(report.system);
    }
  };
  return (
    <>
      <div role="status" className="follow-up-step-notice">
        {state.busy && <Paragraph>{t.working}</Paragraph>}
        {state.last && (
          <Alert data-color="success">
            <Paragraph>{t.done(followUpWorkflow.eventLabel(state.last.event)?.[language] ?? state.last.event)}</Paragraph>
            {state.last.reports.length > 0 && (
              <ul>
                {state.last.reports.map((report, index) => (
                  <li key={index}>{describe(report)}</li>
                ))}
              </ul>
            )}
          </Alert>
        )}
      </div>
      {state.error && (
        <Alert data-color="danger" role="alert">
          {t.refused(state.error)}
        </Alert>
      )}
    </>
  );
}
