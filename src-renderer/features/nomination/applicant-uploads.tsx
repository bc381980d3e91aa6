import { Alert, Button, Heading, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { caseUploadsSchema } from '../../../src-shared/domain/nomination/nomination-staff.contract';
import type { ApplicantUpload } from '../../../src-shared/portal/applicant.contract';
import { formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { downloadFile } from '../overview/export/download-file';
import { useServerApi, type ServerApi } from '../session/server-api';
import { useOffersText } from './offers/offers-text';
import { useNominationText } from './nomination-text';

const uploadsPath = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/uploads`;

/** "Vedlegg fra søker": the files the applicant uploaded in the portal, fetched from the server (online only), each downloadable. */
export function ApplicantUploads({ caseId }: { caseId: string }) {
  const text = useNominationText();
  const api = useServerApi();
  return (
    <section aria-labelledby="nomination-uploads-heading">
      <Heading level={2} data-size="sm" id="nomination-uploads-heading">
        {text.uploads.heading}
      </Heading>
      {api ? <UploadList api={api} caseId={caseId} /> : <Paragraph>{text.server.needed}</Paragraph>}
    </section>
  );
}

function UploadList({ api, caseId }: { api: ServerApi; caseId: string }) {
  const text = useNominationText();
  const t = text.uploads;
  const kinds = useOffersText().items;
  const { locale } = useT();
  const [uploads, setUploads] = useState<ApplicantUpload[]>();
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    let current = true;
    api.get(uploadsPath(caseId), caseUploadsSchema).then(
      (answer) => current && setUploads(answer.uploads),
      (error: unknown) => current && setFailure(text.server.failed((error as Error).message)),
    );
    return () => {
      current = false;
    };
  }, [api, caseId, text]);

  async function download(upload: ApplicantUpload) {
    try {
      const file = await api.download(`${uploadsPath(caseId)}/${encodeURIComponent(upload.id)}`);
      downloadFile(file.blob, file.fileName);
    } catch (error) {
      setFailure(text.server.failed((error as Error).message));
    }
  }

  return (
    <div aria-live="polite">
      {failure && <Alert data-color="danger">{failure}</Alert>}
      {!uploads ? (
        !failure && <Spinner aria-label={text.loading} />
      ) : uploads.length === 0 ? (
        <Paragraph>{t.none}</Paragraph>
      ) : (
        <Table data-size="sm" aria-label={t.tableLabel}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.fileName}</Table.HeaderCell>
              <Table.HeaderCell>{t.kind}</Table.HeaderCell>
              <Table.HeaderCell>{t.size}</Table.HeaderCell>
              <Table.HeaderCell>{t.uploadedAt}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {uploads.map((upload) => (
              <Table.Row key={upload.id}>
                <Table.Cell>
                  <Button type="button" variant="tertiary" data-size="sm" aria-label={t.download(upload.fileName)} onClick={() => void download(upload)}>
                    {upload.fileName}
                  </Button>
                </Table.Cell>
                <Table.Cell>{kinds[upload.kind]}</Table.Cell>
                <Table.Cell>{formatSize(upload.size, locale)}</Table.Cell>
                <Table.Cell>{formatDateTime(upload.uploadedAt, locale)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </div>
  );
}

/** A file size in kB or MB, in the user's number format. */
function formatSize(bytes: number, locale: string): string {
  const format = (value: number, unit: string) => `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${unit}`;
  return bytes < 1024 * 1024 ? format(Math.max(bytes / 1024, 0.1), 'kB') : format(bytes / (1024 * 1024), 'MB');
}
