import { Button, Details, Paragraph, Textarea } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { roleCanSee } from '../../../src-shared/domain/access/access';
import type { Actor } from '../../../src-shared/domain/access/roles';
import { approvalWorkflow, fetchBlockedBy, fetchBlockLabels, type ApprovalCase } from '../../../src-shared/domain/approval';
import { useAppStore } from '../../app/store';
import { formatDate } from '../../i18n/format';
import { useApprovalText } from './approval-text';
import { StepButton } from './step-button';
import type { RunApprovalStep } from './use-approval-step';

/** Steps taken in their own section: consent, accepting results, the decision. */
const elsewhere = new Set(['requestConsent', 'recordConsent', 'acceptFetchedResults', 'decide']);

interface StepsProps {
  caseDoc: ApprovalCase;
  actor: Actor;
  allowed: readonly string[];
  run: RunApprovalStep;
  busy: boolean;
}

/**
 * The steps the acting user may take now. Ordering a fetch is shown to a case officer whenever the
 * case is being processed: without a yes to result exchange the button is disabled and the page says why.
 */
export function ApprovalStepForms({ caseDoc, actor, allowed, run, busy }: StepsProps) {
  const dictionary = useApprovalText();
  const t = dictionary.steps;
  const blocked = fetchBlockedBy(caseDoc.details.consent);
  const language = useAppStore((state) => state.language);
  const mayOrder = caseDoc.status === 'processing' && roleCanSee('caseOfficer', actor, caseDoc);
  const steps = allowed.filter((event) => !elsewhere.has(event) && event !== 'orderResultFetch');
  const appealDeadline = caseDoc.details.decisionDelivery?.appealDeadline;
  if (!mayOrder && steps.length === 0) return <Paragraph>{t.none}</Paragraph>;
  return (
    <ul className="approval-steps">
      {steps.includes('startProcessing') && (
        <li>
          <StepButton event={(at) => ({ type: 'startProcessing', at })} run={run} busy={busy} />
        </li>
      )}
      {mayOrder && (
        <li>
          <StepButton event={(at) => ({ type: 'orderResultFetch', at })} run={run} busy={busy} disabled={blocked !== null} describedBy="approval-order-note" />
          <Paragraph id="approval-order-note" data-size="sm">
            {blocked ? t.orderBlocked(fetchBlockLabels[blocked][language]) : t.orderOffline}
          </Paragraph>
        </li>
      )}
      {steps.includes('close') && (
        <li>
          <StepButton event={(at) => ({ type: 'close', at })} run={run} busy={busy} describedBy={appealDeadline && 'approval-close-note'} />
          {appealDeadline && (
            <Paragraph id="approval-close-note" data-size="sm">
              {t.closeAfter(formatDate(appealDeadline, dictionary.locale))}
            </Paragraph>
          )}
        </li>
      )}
      {steps.includes('withdraw') && (
        <li>
          <WithdrawForm run={run} busy={busy} label={approvalWorkflow.eventLabel('withdraw')?.[language] ?? 'withdraw'} />
        </li>
      )}
    </ul>
  );
}

function WithdrawForm({ run, busy, label }: { run: RunApprovalStep; busy: boolean; label: string }) {
  const t = useApprovalText().steps;
  const [reason, setReason] = useState('');
  return (
    <Details>
      <Details.Summary>{label}</Details.Summary>
      <Details.Content>
        <form
          className="approval-case__form"
          onSubmit={(event) => {
            event.preventDefault();
            void run({ type: 'withdraw', at: new Date().toISOString(), reason: reason.trim() });
          }}
        >
          <Textarea aria-label={t.withdrawReason} rows={3} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
          <Button type="submit" disabled={busy}>
            {label}
          </Button>
        </form>
      </Details.Content>
    </Details>
  );
}
