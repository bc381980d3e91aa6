import { Button, Field, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { bulkSteps } from '../../../../src-shared/domain/case/bulk-steps';
import { useAppStore } from '../../../app/store';
import { useT } from '../../../i18n/use-t';
import { useBulkSelection } from './bulk-selection';
import type { BulkRun } from './use-bulk-run';

/**
 * Shown while cases are selected: the steps that can be taken in bulk for the selection's case type
 * (one type at a time), and the button that takes the chosen one on every selected case.
 */
export function BulkStepBar({ run }: { run: BulkRun }) {
  const t = useT();
  const text = t.overview.bulk;
  const language = useAppStore((state) => state.language);
  const selected = useBulkSelection((state) => state.selected);
  const [chosen, setChosen] = useState('');
  if (selected.size === 0) return null;

  const types = new Set([...selected.values()].map((c) => c.type));
  const [type] = types;
  if (types.size > 1 || !type) return <Paragraph className="bulk-bar">{text.mixedTypes}</Paragraph>;
  const steps = bulkSteps(type);
  if (steps.length === 0) return <Paragraph className="bulk-bar">{text.noSteps(t.caseTypes[type])}</Paragraph>;

  const event = steps.some((step) => step.event === chosen) ? chosen : steps[0]!.event;
  const running = run.state.kind === 'running';
  return (
    <form
      className="bulk-bar"
      onSubmit={(submit) => {
        submit.preventDefault();
        if (!running) void run.start([...selected.values()], event);
      }}
    >
      <Field>
        <Label htmlFor="bulk-step">{text.step}</Label>
        <Select id="bulk-step" value={event} onChange={(change) => setChosen(change.target.value)}>
          {steps.map((step) => (
            <Select.Option key={step.event} value={step.event}>
              {step.label[language]}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Button type="submit" data-size="sm" aria-disabled={running || undefined}>
        {text.apply(selected.size)}
      </Button>
      <Paragraph data-size="sm" className="bulk-bar__actor">
        {text.actingAs(run.actor.name)}
      </Paragraph>
    </form>
  );
}
