import { Alert, Button, Field, Heading, Input, Label, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import type { ApplicantUpload } from '../../../src-shared/portal/applicant.contract';
import { useT } from '../../i18n/language';
import type { SectionProps } from './section-props';

/** "Dokumentasjon": one upload per kind the admission requires or a case officer asked for, with progress. */
export function DocumentsSection(props: SectionProps) {
  const { application } = props;
  const t = useT();
  const d = t.application.documents;
  const kinds = [...new Set([...application.requiredItems, ...application.requestedItems])];
  if (kinds.length === 0) return null;
  return (
    <section aria-labelledby={`documents-${application.id}`}>
      <Heading level={3} data-size="md" id={`documents-${application.id}`}>
        {d.title}
      </Heading>
      <Paragraph>{d.intro}</Paragraph>
      {application.requestedItems.length > 0 && (
        <Alert data-color="warning">
          {d.requested} {application.requestedItems.map((kind) => d.kinds[kind]).join(', ')}
        </Alert>
      )}
      {kinds.map((kind) => (
        <DocumentUpload key={kind} {...props} kind={kind} />
      ))}
    </section>
  );
}

function DocumentUpload(props: SectionProps & { kind: ApplicantUpload['kind'] }) {
  const { api, application, kind } = props;
  const t = useT();
  const d = t.application.documents;
  const id = useId();
  const [progress, setProgress] = useState<number>();
  const [noFile, setNoFile] = useState(false);
  const uploaded = application.uploads.filter((upload) => upload.kind === kind);

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = (new FormData(event.currentTarget).get('file') as File | null) ?? undefined;
    setNoFile(!file || file.size === 0);
    if (!file || file.size === 0) return;
    setProgress(0);
    try {
      await api.uploadDocument(application.id, kind, file, setProgress);
      props.onChanged(d.uploaded(file.name));
    } catch (error) {
      props.onFailed(error);
    } finally {
      setProgress(undefined);
    }
  }

  return (
    <form noValidate className="portal-form" onSubmit={(event) => void upload(event)}>
      <Heading level={4} data-size="xs">
        {d.kinds[kind]}
      </Heading>
      <Paragraph data-size="sm">{uploaded.length === 0 ? d.none : uploaded.map((file) => file.fileName).join(', ')}</Paragraph>
      {application.can.upload && (
        <>
          <Field>
            <Label htmlFor={`${id}-file`}>{d.file(d.kinds[kind])}</Label>
            <Input id={`${id}-file`} name="file" type="file" accept="application/pdf,image/jpeg,image/png" aria-invalid={noFile || undefined} />
            {noFile && <ValidationMessage>{d.noFile}</ValidationMessage>}
          </Field>
          {progress !== undefined && <progress value={progress} max={1} aria-label={d.uploading(Math.round(progress * 100))} />}
          <Button type="submit" variant="secondary" disabled={progress !== undefined}>
            {progress === undefined ? d.upload : d.uploading(Math.round(progress * 100))}
          </Button>
        </>
      )}
    </form>
  );
}
