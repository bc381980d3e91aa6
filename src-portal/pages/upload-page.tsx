import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import type { PortalMe, PortalNominated, PortalNominationError } from '../../src-shared/portal/portal.contract';
import { NominationRefusedError, PortalApiError, type PortalApi, type PortalFailure } from '../api/portal-api';
import { usePageTitle } from '../app/use-page-title';
import { useLanguage, useT } from '../i18n/language';
import { fieldText } from './nomination-field-text';

type Outcome = { kind: 'created'; result: PortalNominated } | { kind: 'refused'; errors: PortalNominationError[] } | { kind: 'failed' };

/** "Last opp CSV": a file of nominations, checked on the server; all rows become cases, or none and every row's error. */
export function UploadPage({ api, partners, onFailure }: { api: PortalApi; partners: PortalMe['partners']; onFailure(failure: PortalFailure): void }) {
  const t = useT();
  const { language } = useLanguage();
  usePageTitle(t.upload.title);
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  // A nominator of several partners uploads for one of them at a time (the template too).
  const [partner, setPartner] = useState(partners[0]?.id ?? '');

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('file');
    if (!(file instanceof File) || file.size === 0) return setOutcome({ kind: 'refused', errors: [{ message: { nb: t.upload.noFile, en: t.upload.noFile } }] });
    setBusy(true);
    setOutcome(undefined);
    try {
      setOutcome({ kind: 'created', result: await api.uploadCsv(await file.text(), partner) });
    } catch (error) {
      if (error instanceof NominationRefusedError) setOutcome({ kind: 'refused', errors: error.errors });
      else {
        onFailure(error instanceof PortalApiError ? error.failure : 'unavailable');
        setOutcome({ kind: 'failed' });
      }
    } finally {
      setBusy(false);
    }
  }

  async function downloadTemplate() {
    const text = await api.template(language, partner).catch(() => undefined);
    if (text === undefined) return setOutcome({ kind: 'failed' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    link.download = t.upload.templateFile;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  return (
    <>
      <Heading level={1} data-size="lg">
        {t.upload.title}
      </Heading>
      <Paragraph>{t.upload.intro}</Paragraph>
      {partners.length > 1 && (
        <Field>
          <Label htmlFor="upload-partner">{t.upload.partner}</Label>
          <Select id="upload-partner" value={partner} onChange={(event) => setPartner(event.target.value)}>
            {partners.map((candidate) => (
              <Select.Option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
      )}
      <Button variant="secondary" onClick={() => void downloadTemplate()}>
        {t.upload.template}
      </Button>
      <form noValidate className="portal-form" onSubmit={(event) => void upload(event)}>
        <Field>
          <Label htmlFor="upload-file">{t.upload.file}</Label>
          <input id="upload-file" name="file" type="file" accept=".csv,text/csv" />
        </Field>
        <Button type="submit" disabled={busy}>
          {busy ? t.upload.busy : t.upload.submit}
        </Button>
      </form>
      {outcome?.kind === 'created' && (
        <Alert data-color="success" role="status">
          {t.upload.created(outcome.result.created, outcome.result.existing)}
        </Alert>
      )}
      {outcome?.kind === 'failed' && <Alert data-color="danger">{t.failed}</Alert>}
      {outcome?.kind === 'refused' && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{t.upload.refused}</Paragraph>
          <Table className="portal-table" data-testid="upload-errors">
            <caption>{t.upload.errorsCaption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t.upload.row}</Table.HeaderCell>
                <Table.HeaderCell>{t.upload.column}</Table.HeaderCell>
                <Table.HeaderCell>{t.upload.message}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {outcome.errors.map((error, index) => (
                <Table.Row key={index}>
                  <Table.Cell>{error.row ?? '–'}</Table.Cell>
                  <Table.Cell>{error.column ?? (error.field ? fieldText(error.field, language).label : '–')}</Table.Cell>
                  <Table.Cell>{error.message[language]}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </Alert>
      )}
    </>
  );
}
