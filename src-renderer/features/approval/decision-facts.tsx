import { Heading } from '@digdir/designsystemet-react';
import type { ApprovalCase } from '../../../src-shared/domain/approval';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useApprovalText } from './approval-text';
import { FactList } from '../case/fact-list';

/** The decision the case records: its outcome, the credits approved in all, when, and the appeal deadline. */
export function DecisionFacts({ caseDoc }: { caseDoc: ApprovalCase }) {
  const dictionary = useApprovalText();
  const t = dictionary.decision;
  const { decision, decisionDelivery } = caseDoc.details;
  if (!decision) return null;
  const facts: [string, string][] = [
    [t.outcome, t.verdicts[decision.outcome]],
    [t.approvedCredits, dictionary.casePage.credits(decision.approvedCredits)],
    [t.decidedAt, formatDateTime(decision.decidedAt, dictionary.locale)],
    ...(decisionDelivery ? [[t.appealDeadline, formatDate(decisionDelivery.appealDeadline, dictionary.locale)] as [string, string]] : []),
  ];
  return (
    <section aria-labelledby="approval-decided-heading" className="approval-case__section">
      <Heading level={2} data-size="sm" id="approval-decided-heading">
        {t.decided}
      </Heading>
      <FactList className="approval-case__facts" facts={facts} />
    </section>
  );
}
