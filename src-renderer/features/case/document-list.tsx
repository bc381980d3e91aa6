import { Alert, Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useEffect, useId, useState } from 'react';
import type { ArchiveEntry } from '../../../src-shared/documents/documents.contract';
import type { CaseDocument } from '../../../src-shared/domain/document/document.schema';
import { useApi, useDatabase } from '../../app/providers';
import { archiveStateOf, isPending } from './archive-status';
import { formatDateTime } from '../../i18n/format';
import { useCaseText } from './case-text';
import { PdfFrame } from './pdf-frame';
import './case.css';

const POLL_MS = 1000;

/**
 * A case's documents (any case type) with who signed them and where each stands in every archive (the main
 * process's outbox, polled while a delivery is under way). A failed delivery can be retried; the
 * replica's record follows the outbox so other laptops see the archive state too.
 */
export function DocumentList({ documents, lastStep }: { documents: readonly CaseDocument[]; lastStep?: unknown }) {
  const dictionary = useCaseText();
  const t = dictionary.documents;
  const api = useApi();
  const db = useDatabase();
  const headingId = useId();
  const [entries, setEntries] = useState<ArchiveEntry[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [shown, setShown] = useState<{ id: string; title: string; pdfBase64: string } | null>(null);
  const [refreshes, setRefreshes] = useState(0);
  const watched = documents.map((document) => `${document.id}:${document.archiveState}`).join(',');

  useEffect(() => {
    const ids = new Set(watched.split(',').map((item) => item.split(':')[0]));
    let cancelled = false;
    let timer: number | undefined;
    const refresh = async () => {
      const result = await api.archiveList();
      if (cancelled) return;
      if (!result.ok) {
        setProblem(result.error.message);
        return;
      }
      const own = result.value.filter((entry) => ids.has(entry.documentId));
      setEntries(own);
      for (const id of ids) {
        const state = archiveStateOf(own.filter((entry) => entry.documentId === id));
        const stored = id ? await db.documents.findOne(id).exec() : null;
        if (state && stored && (stored.archiveState !== state.archiveState || stored.archiveReference !== state.archiveReference)) {
          await stored.incrementalPatch(state);
        }
      }
      if (own.some(isPending)) timer = window.setTimeout(() => void refresh(), POLL_MS);
    };
    void refresh();
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
    // A step that queued deliveries (archives, letters) ends with `lastStep`: look again then.
  }, [api, db, watched, refreshes, lastStep]);

  const retry = async (id: string) => {
    const result = await api.archiveRetry({ id });
    setProblem(result.ok ? null : result.error.message);
    setRefreshes((n) => n + 1);
  };
  const show = async (document: CaseDocument) => {
    // A document kept by another laptop comes from the server when that laptop shared it (case files).
    const pdf = await api.documentsRead({ caseId: document.caseId, documentId: document.id });
    if (pdf.ok) {
      setShown({ id: document.id, title: document.title, pdfBase64: pdf.value.pdfBase64 });
      setProblem(null);
    } else {
      // Otherwise it is kept only by the laptop that made it.
      setProblem(pdf.error.kind === 'not-found' ? t.notOnThisLaptop : pdf.error.message);
    }
  };

  const sorted = [...documents].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return (
    <section aria-labelledby={headingId} className="case-documents-list">
      <Heading level={2} data-size="sm" id={headingId}>
        {t.heading}
      </Heading>
      {sorted.length === 0 ? (
        <Paragraph>{t.none}</Paragraph>
      ) : (
        <Table aria-labelledby={headingId} className="case-documents-list__table">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.document}</Table.HeaderCell>
              <Table.HeaderCell>{t.signatures}</Table.HeaderCell>
              <Table.HeaderCell>{t.archive}</Table.HeaderCell>
              <Table.HeaderCell>{t.actions}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {sorted.map((document) => {
              const own = entries.filter((entry) => entry.documentId === document.id);
              const issued = document.sha256 !== '';
              return (
                <Table.Row key={document.id}>
                  <Table.Cell>
                    <strong>{document.title}</strong>
                    <br />
                    {t.kinds[document.kind]}, {formatDateTime(document.createdAt, dictionary.locale)}
                    {!issued && (
                      <>
                        <br />
                        <Tag data-size="sm" data-color="warning">
                          {t.draft}
                        </Tag>
                      </>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {document.signatures.length === 0 ? (
                      t.unsigned
                    ) : (
                      <ul className="case-documents-list__signatures">
                        {document.signatures.map((signature, index) => (
                          <li key={`${signature.signer}-${index}`}>{t.signedBy(signature.signer, formatDateTime(signature.signedAt, dictionary.locale))}</li>
                        ))}
                      </ul>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    <Paragraph data-size="sm">{t.archiveStates[document.archiveState]}</Paragraph>
                    <ul className="case-documents-list__archives">
                      {own.map((entry) => (
                        <li key={entry.id}>
                          <Tag data-size="sm" data-color={entry.status === 'archived' ? 'success' : entry.status === 'failed' ? 'danger' : 'neutral'}>
                            {t.entry(t.targets[entry.target], (entry.target === 'email' ? t.emailStates : t.entryStates)[entry.status])}
                          </Tag>
                          {entry.reference && <span className="case-documents-list__reference"> {entry.reference}</span>}
                          {entry.status === 'failed' && (
                            <>
                              {entry.lastError && <Paragraph data-size="sm">{entry.lastError}</Paragraph>}
                              <Button data-size="sm" variant="secondary" onClick={() => void retry(entry.id)}>
                                {t.retry(t.targets[entry.target])}
                              </Button>
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  </Table.Cell>
                  <Table.Cell>
                    {issued && (
                      <Button data-size="sm" variant="tertiary" onClick={() => void show(document)} aria-label={t.showNamed(document.title)}>
                        {t.show}
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      )}
      {problem && (
        <Alert data-color="danger" role="alert">
          {problem}
        </Alert>
      )}
      {shown && <PdfFrame pdfBase64={shown.pdfBase64} title={shown.title} />}
    </section>
  );
}
