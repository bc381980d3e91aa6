import { approvalWorkflow, type ApprovalEvent } from '../../../src-shared/domain/approval';
import { useAppStore } from '../../app/store';
import { formatDate } from '../../i18n/format';
import { useCaseText, type CaseText } from '../case/case-text';
import { StepNotice } from '../case/step-notice';
import type { StepState } from '../case/use-step-runner';
import type { ApprovalReport } from './approval-steps';
import { useApprovalText, type ApprovalText } from './approval-text';

/** A report of an approval step's command in words. */
function describe(report: ApprovalReport, t: ApprovalText, { documents, letters }: CaseText): string {
  switch (report.type) {
    case 'taskCreated':
      return t.outcome.taskCreated(report.title, formatDate(report.due, t.locale));
    case 'folderClosing':
      return t.outcome.folderClosing;
    case 'folderClosingFailed':
      return t.outcome.folderClosingFailed(report.message);
    case 'document':
      return t.outcome.document(report.document.title);
    case 'archiveQueued':
      return t.outcome.archiveQueued(report.targets.map((target) => documents.targets[target]).join(', '));
    case 'archiveFailed':
      return t.outcome.archiveFailed(report.message);
    case 'letterQueued':
      return letters.queued(documents.kinds[report.document]);
    case 'letterNotSent':
      return letters.notSent(documents.kinds[report.document]);
    case 'letterFailed':
      return letters.failed(documents.kinds[report.document], report.message);
    case 'notForApproval':
      return t.outcome.notForApproval(report.command);
    case 'noticeByServer':
      return t.outcome.noticeByServer;
    case 'noticeNotSent':
      return t.outcome.noticeNotSent;
    case 'integration':
      return t.outcome.integration;
  }
}

/** What the last approval step did, in the approval's words. */
export function ApprovalStepNotice({ state }: { state: StepState<ApprovalEvent['type'], ApprovalReport> }) {
  const t = useApprovalText();
  const caseText = useCaseText();
  const language = useAppStore((s) => s.language);
  const { last } = state;
  return (
    <StepNotice
      busy={state.busy}
      working={t.outcome.working}
      done={
        last && {
          text: t.outcome.done(approvalWorkflow.eventLabel(last.event)?.[language] ?? last.event),
          lines: [...new Set(last.reports.map((r) => describe(r, t, caseText)))],
        }
      }
      refused={state.error && t.outcome.refused(state.error)}
    />
  );
}
