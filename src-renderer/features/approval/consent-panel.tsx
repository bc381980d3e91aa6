import { Button, Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { approvalWorkflow, type ApprovalCase } from '../../../src-shared/domain/approval';
import { useAppStore } from '../../app/store';
import { formatDate } from '../../i18n/format';
import { useToday } from '../../ui/use-today';
import { useApprovalText } from './approval-text';
import { StepButton } from './step-button';
import type { RunApprovalStep } from './use-approval-step';

interface ConsentPanelProps {
  caseDoc: ApprovalCase;
  allowed: readonly string[];
  run: RunApprovalStep;
  busy: boolean;
}

/** The student's answer to the result-exchange consent (RESUTVEKSL), and the steps to ask for it and record it. */
export function ConsentPanel({ caseDoc, allowed, run, busy }: ConsentPanelProps) {
  const dictionary = useApprovalText();
  const t = dictionary.consent;
  const { consent, consentRequestedAt } = caseDoc.details;
  return (
    <section aria-labelledby="approval-consent-heading" className="approval-case__section">
      <Heading level={2} data-size="sm" id="approval-consent-heading">
        {t.heading}
      </Heading>
      {consent ? (
        <dl className="approval-case__facts">
          <div>
            <dt>{t.answer}</dt>
            <dd>{t.answers[consent.answer]}</dd>
          </div>
          <div>
            <dt>{t.answeredOn}</dt>
            <dd>{formatDate(consent.answeredOn, dictionary.locale)}</dd>
          </div>
          <div>
            <dt>{t.source}</dt>
            <dd>{t.sources[consent.source]}</dd>
          </div>
        </dl>
      ) : (
        <Paragraph>{t.none}</Paragraph>
      )}
      {consentRequestedAt && !consent && <Paragraph>{t.requested(formatDate(consentRequestedAt, dictionary.locale))}</Paragraph>}
      {allowed.includes('requestConsent') && <StepButton event={(at) => ({ type: 'requestConsent', at })} run={run} busy={busy} />}
      {allowed.includes('recordConsent') && <RecordConsentForm run={run} busy={busy} />}
    </section>
  );
}

function RecordConsentForm({ run, busy }: { run: RunApprovalStep; busy: boolean }) {
  const t = useApprovalText().consent;
  const language = useAppStore((state) => state.language);
  const today = useToday();
  const [answer, setAnswer] = useState<'J' | 'N'>('J');
  const [answeredOn, setAnsweredOn] = useState(today);
  const label = approvalWorkflow.eventLabel('recordConsent')?.[language] ?? 'recordConsent';
  return (
    <form
      className="approval-case__form"
      onSubmit={(event) => {
        event.preventDefault();
        void run({ type: 'recordConsent', at: new Date().toISOString(), answer, ...(answeredOn ? { answeredOn } : {}) });
      }}
    >
      <Fieldset>
        <Fieldset.Legend>{t.recordLegend}</Fieldset.Legend>
        {(['J', 'N'] as const).map((value) => (
          <Radio
            key={value}
            name="approval-consent-answer"
            value={value}
            label={t.answers[value]}
            checked={answer === value}
            onChange={() => setAnswer(value)}
          />
        ))}
      </Fieldset>
      <Textfield type="date" label={t.recordDate} value={answeredOn} max={today} onChange={(event) => setAnsweredOn(event.target.value)} />
      <Button type="submit" disabled={busy}>
        {label}
      </Button>
    </form>
  );
}
