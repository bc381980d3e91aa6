import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ApplicantApplication } from '../../../src-shared/portal/applicant.contract';
import { useT } from '../../i18n/language';

/** The application's outcome once decided or withdrawn: admitted, declined, not reached, rejected, withdrawn (by whom). */
export function OutcomeBox({ outcome }: { outcome: ApplicantApplication['outcome'] }) {
  const t = useT();
  const o = t.application.outcome;
  if (!outcome) return null;
  const text = outcome.result === 'withdrawn' ? (outcome.withdrawnBy === 'nominator' ? o.withdrawnByNominator : o.withdrawnByApplicant) : o[outcome.result];
  return (
    <Alert data-color={outcome.result === 'admitted' ? 'success' : 'info'} data-testid="outcome">
      <Heading level={3} data-size="xs">
        {o.title}
      </Heading>
      <Paragraph>{text}</Paragraph>
    </Alert>
  );
}
