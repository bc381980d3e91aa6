import type { CourseDeliveryEvent } from '../../../../src-shared/domain/course-delivery';
import { courseDeliveryWorkflow } from '../../../../src-shared/domain/course-delivery';
import { useAppStore } from '../../../app/store';
import { formatDate } from '../../../i18n/format';
import { useCaseText, type CaseText } from '../../case/case-text';
import { StepNotice } from '../../case/step-notice';
import type { StepState } from '../../case/use-step-runner';
import type { ContractReport } from './contract-steps';
import { useContractText, type ContractText } from './contract-text';

/** A report of a contract step's command in words. */
function describe(report: ContractReport, t: ContractText, { documents }: CaseText): string {
  switch (report.type) {
    case 'document':
      return t.outcome.document(report.document.title);
    case 'signatureRequested':
      return t.outcome.signatureRequested;
    case 'archiveQueued':
      return t.outcome.archiveQueued(report.targets.map((target) => documents.targets[target]).join(', '));
    case 'archiveFailed':
      return t.outcome.archiveFailed(report.message);
    case 'taskCreated':
      return t.outcome.taskCreated(`${report.title} (${formatDate(report.due, t.locale)})`);
    case 'folderClosing':
      return t.outcome.folderClosing;
    case 'folderClosingFailed':
      return t.outcome.folderClosingFailed(report.message);
    case 'noticeByServer':
      return t.outcome.noticeByServer;
    case 'noticeNotSent':
      return t.outcome.noticeNotSent;
    case 'integration':
      return t.outcome.integration;
    case 'notForContract':
      return t.outcome.notForContract(report.command);
  }
}

/** What the last contract step did, in the contract's words. */
export function ContractStepNotice({ state }: { state: StepState<CourseDeliveryEvent['type'], ContractReport> }) {
  const t = useContractText();
  const caseText = useCaseText();
  const language = useAppStore((s) => s.language);
  const { last } = state;
  return (
    <StepNotice
      busy={state.busy}
      working={t.outcome.working}
      done={
        last && {
          text: t.outcome.done(courseDeliveryWorkflow.eventLabel(last.event)?.[language] ?? last.event),
          lines: [...new Set(last.reports.map((report) => describe(report, t, caseText)))],
        }
      }
      refused={state.error}
    />
  );
}
