import { Button } from '@digdir/designsystemet-react';
import { approvalWorkflow, type ApprovalEvent } from '../../../src-shared/domain/approval';
import { useAppStore } from '../../app/store';
import type { RunApprovalStep } from './use-approval-step';

/** A step that needs nothing but the click (taken at the time of the click), named by the shared workflow's label unless `label` says otherwise. */
export function StepButton({
  event,
  run,
  busy,
  disabled,
  describedBy,
  label,
}: {
  event: (at: string) => ApprovalEvent;
  run: RunApprovalStep;
  busy: boolean;
  disabled?: boolean;
  describedBy?: string;
  label?: string;
}) {
  const language = useAppStore((state) => state.language);
  const type = event('').type;
  return (
    <Button variant="secondary" disabled={busy || disabled} aria-describedby={describedBy} onClick={() => void run(event(new Date().toISOString()))}>
      {label ?? approvalWorkflow.eventLabel(type)?.[language] ?? type}
    </Button>
  );
}
