import { followUpWorkflow } from '../../../src-shared/domain/follow-up/follow-up.workflow';
import { useAppStore } from '../../app/store';
import { formatDate } from '../../i18n/format';
import { useFollowUpText } from './follow-up-text';
import type { CommandReport } from './follow-up-steps';
import type { StepState } from './use-step';
import { StepNotice } from '../case/step-notice';

/** What the last follow-up step did, in the follow-up's words. */
export function FollowUpStepNotice({ state }: { state: StepState }) {
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
      case 'folderClosing':
        return t.folderClosing(report.targets.map((target) => dictionary.documents.targets[target]).join(', '));
      case 'folderClosingFailed':
        return t.folderClosingFailed(report.message);
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
    <StepNotice
      busy={state.busy}
      working={t.working}
      done={
        state.last && { text: t.done(followUpWorkflow.eventLabel(state.last.event)?.[language] ?? state.last.event), lines: state.last.reports.map(describe) }
      }
      refused={state.error && t.refused(state.error)}
    />
  );
}
