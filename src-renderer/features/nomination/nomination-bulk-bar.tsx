import { Button, Field, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { addDays } from '../../../src-shared/domain/calendar/iso-date';
import { nominationWorkflow } from '../../../src-shared/domain/nomination';
import { useAppStore } from '../../app/store';
import type { SelectedCase } from '../overview/bulk/bulk-selection';
import type { BulkRun } from '../overview/bulk/use-bulk-run';
import { bulkExtraFor, nominationBulkEvents, type BulkInput, type NominationBulkEvent } from './nomination-bulk';
import { useNominationText } from './nomination-text';

/** Days to answer an offer, proposed when the officer has not picked a date. */
const ANSWER_DAYS = 14;

/**
 * The bulk step for the selected applications: qualify, offer (with one answer deadline), not reached or reject
 * (with one reason), run by the overview's bulk runner on every selected case.
 */
export function NominationBulkBar({ run, selected, today }: { run: BulkRun; selected: readonly SelectedCase[]; today: string }) {
  const t = useNominationText().bulk;
  const language = useAppStore((state) => state.language);
  const [event, setEvent] = useState<NominationBulkEvent>('qualify');
  const [input, setInput] = useState<BulkInput>({ answerBy: addDays(today, ANSWER_DAYS), reason: '' });
  const [problem, setProblem] = useState<'answerBy' | 'reason' | null>(null);
  if (selected.length === 0) return null;
  const running = run.state.kind === 'running';
  return (
    <form
      className="bulk-bar"
      noValidate
      onSubmit={(submit) => {
        submit.preventDefault();
        if (running) return;
        const extra = bulkExtraFor(event, input, today);
        setProblem(extra.ok ? null : extra.problem);
        if (extra.ok) void run.start(selected, event, extra.extra);
      }}
    >
      <Field>
        <Label htmlFor="nomination-bulk-step">{t.step}</Label>
        <Select id="nomination-bulk-step" value={event} onChange={(change) => setEvent(change.target.value as NominationBulkEvent)}>
          {nominationBulkEvents.map((step) => (
            <Select.Option key={step} value={step}>
              {nominationWorkflow.eventLabel(step)![language]}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {event === 'makeOffer' && (
        <Textfield
          label={t.answerBy}
          type="date"
          min={today}
          value={input.answerBy}
          onChange={(change) => setInput({ ...input, answerBy: change.target.value })}
          error={problem === 'answerBy' ? t.answerByProblem : undefined}
        />
      )}
      {event === 'reject' && (
        <Textfield
          label={t.reason}
          multiline
          rows={2}
          value={input.reason}
          onChange={(change) => setInput({ ...input, reason: change.target.value })}
          error={problem === 'reason' ? t.reasonProblem : undefined}
        />
      )}
      <Button type="submit" data-size="sm" aria-disabled={running || undefined}>
        {t.apply(selected.length)}
      </Button>
      <Paragraph data-size="sm" className="bulk-bar__actor">
        {t.actingAs(run.actor.name)}
      </Paragraph>
    </form>
  );
}
