import { Button, Fieldset, Heading, Paragraph, Radio, Table } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import type { SyncIssue } from '../../../src-shared/sync/sync-issue.schema';
import { useT } from '../../i18n/use-t';
import type { FieldChoice } from '../../sync/sync-issues';
import { PageHeading } from '../../ui/page-heading';
import { usePageTitle } from '../../ui/use-page-title';
import { DocumentLabel } from '../sync-status/document-label';
import { formatSyncTime } from '../sync-status/format-time';
import { useOpenIssues, useSyncControls, type SyncControls } from '../sync-status/sync-context';
import { useSyncText } from '../sync-status/sync-text';
import { useConflictsText } from './conflicts-text';
import { fieldLabel, formatFieldValue } from './field-value';
import './conflicts.css';

/**
 * /conflicts — the conflict inbox. Per conflicted field both values and a choice; the choice is
 * written to the document as a normal change, pushed, and audited by the server. Refused and
 * set-aside changes show the server's reason and can be sent again or discarded.
 */
export function ConflictInboxPage() {
  const text = useConflictsText();
  usePageTitle(text.title);
  const controls = useSyncControls();
  const [notice, setNotice] = useState('');
  return (
    <div className="conflict-inbox">
      <PageHeading>{text.title}</PageHeading>
      <Paragraph>{text.intro}</Paragraph>
      <div role="status" className="conflict-inbox__notice">
        {notice}
      </div>
      {controls ? <Entries controls={controls} onDone={setNotice} /> : <Paragraph>{text.empty}</Paragraph>}
    </div>
  );
}

function Entries({ controls, onDone }: { controls: SyncControls; onDone(notice: string): void }) {
  const text = useConflictsText();
  const issues = useOpenIssues(controls);
  if (issues === undefined) return null;
  if (issues.length === 0) return <Paragraph>{text.empty}</Paragraph>;
  return (
    <ul className="conflict-inbox__list">
      {issues.map((issue) => (
        <li key={issue.id}>
          <Entry issue={issue} controls={controls} onDone={onDone} />
        </li>
      ))}
    </ul>
  );
}

function Entry({ issue, controls, onDone }: { issue: SyncIssue; controls: SyncControls; onDone(notice: string): void }) {
  const text = useConflictsText();
  const syncText = useSyncText();
  const t = useT();
  const headingId = `issue-${issue.id}`;
  return (
    <article className="conflict-entry" aria-labelledby={headingId} data-kind={issue.kind}>
      <Heading level={2} data-size="xs" id={headingId}>
        {text.kinds[issue.kind]}: <DocumentLabel collection={issue.collectionName} id={issue.documentId} />
      </Heading>
      <Paragraph data-size="sm">{text.detected(formatSyncTime(issue.detectedAt, t.locale))}</Paragraph>
      {issue.kind === 'conflict' ? (
        <ConflictChoices issue={issue} controls={controls} onDone={onDone} />
      ) : (
        <>
          {issue.reason && (
            <Paragraph>
              {syncText.reasons[issue.reason]}
              {issue.message ? ` (${issue.message})` : ''}
            </Paragraph>
          )}
          <RefusedChange issue={issue} controls={controls} onDone={onDone} />
        </>
      )}
    </article>
  );
}

function ConflictChoices({ issue, controls, onDone }: { issue: SyncIssue; controls: SyncControls; onDone(notice: string): void }) {
  const text = useConflictsText();
  const [choices, setChoices] = useState<Record<string, FieldChoice>>({});
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await controls.handle.resolveConflict(issue.id, choices);
      onDone(text.saved);
    } catch (error) {
      onDone(text.failed(error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void save(event)} className="conflict-entry__form">
      <Paragraph data-size="sm">{text.conflictHelp}</Paragraph>
      {issue.fields.map((field) => {
        const name = `${issue.id}-${field.path}`;
        const choice = choices[field.path] ?? 'server';
        return (
          <Fieldset key={field.path}>
            <Fieldset.Legend>{fieldLabel(field.path, text.fields)}</Fieldset.Legend>
            <Radio
              name={name}
              value="server"
              label={`${text.keepServer}: ${formatFieldValue(field.server, text.emptyValue)}`}
              checked={choice === 'server'}
              onChange={() => setChoices({ ...choices, [field.path]: 'server' })}
            />
            <Radio
              name={name}
              value="local"
              label={`${text.useMine}: ${formatFieldValue(field.local, text.emptyValue)}`}
              checked={choice === 'local'}
              onChange={() => setChoices({ ...choices, [field.path]: 'local' })}
            />
          </Fieldset>
        );
      })}
      <Button type="submit" loading={busy}>
        {text.save}
      </Button>
    </form>
  );
}

function RefusedChange({ issue, controls, onDone }: { issue: SyncIssue; controls: SyncControls; onDone(notice: string): void }) {
  const text = useConflictsText();
  const [busy, setBusy] = useState(false);
  const act = async (action: () => Promise<void>, done: string) => {
    if (busy) return;
    setBusy(true);
    try {
      await action();
      onDone(done);
    } catch (error) {
      onDone(text.failed(error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {issue.fields.length > 0 && (
        <Table data-size="sm" className="conflict-entry__fields">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{text.field}</Table.HeaderCell>
              <Table.HeaderCell>{text.mine}</Table.HeaderCell>
              <Table.HeaderCell>{text.server}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {issue.fields.map((field) => (
              <Table.Row key={field.path}>
                <Table.Cell>{fieldLabel(field.path, text.fields)}</Table.Cell>
                <Table.Cell>{formatFieldValue(field.local, text.emptyValue)}</Table.Cell>
                <Table.Cell>{formatFieldValue(field.server, text.emptyValue)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <div className="conflict-entry__actions">
        <Button variant="secondary" loading={busy} onClick={() => void act(() => controls.handle.retryIssue(issue.id), text.retried)}>
          {text.retry}
        </Button>
        <Button variant="tertiary" onClick={() => void act(() => controls.handle.discardIssue(issue.id), text.discarded)}>
          {text.discard}
        </Button>
      </div>
    </>
  );
}
