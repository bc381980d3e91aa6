import { Button, Dialog, Heading, Paragraph, Textarea, Field, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';

/**
 * A modal asking to confirm a step that cannot be undone (withdraw, accept, decline), with a
 * required reason when `reason` is given. `onConfirm` runs the step; the dialog closes after it.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  text?: string;
  reason?: { label: string; required: string };
  confirm: string;
  cancel: string;
  onConfirm(reason: string): Promise<void>;
  onClose(): void;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (props.reason && reason.trim() === '') return setMissing(true);
    setBusy(true);
    try {
      await props.onConfirm(reason.trim());
    } finally {
      setBusy(false);
      setReason('');
      setMissing(false);
    }
  }

  return (
    <Dialog open={props.open} onClose={props.onClose} closeButton={props.cancel} aria-labelledby={`${id}-title`}>
      <form noValidate onSubmit={(event) => void submit(event)} className="portal-form">
        <Heading level={2} data-size="sm" id={`${id}-title`}>
          {props.title}
        </Heading>
        {props.text && <Paragraph>{props.text}</Paragraph>}
        {props.reason && (
          <Field>
            <Label htmlFor={`${id}-reason`}>{props.reason.label}</Label>
            <Textarea id={`${id}-reason`} value={reason} onChange={(event) => setReason(event.target.value)} aria-invalid={missing || undefined} rows={3} />
            {missing && <ValidationMessage>{props.reason.required}</ValidationMessage>}
          </Field>
        )}
        <div className="portal-actions">
          <Button type="submit" data-color="danger" disabled={busy}>
            {props.confirm}
          </Button>
          <Button type="button" variant="secondary" onClick={props.onClose}>
            {props.cancel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
