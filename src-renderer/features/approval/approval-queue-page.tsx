import { Link, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { approvalStatusLabels, fsStatusOf, type ApprovalStatus } from '../../../src-shared/domain/approval';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { useDatabase } from '../../app/providers';
import { useAppStore } from '../../app/store';
import { useObservable } from '../../db/use-observable';
import { formatDate, hasDeadline } from '../../i18n/format';
import { PageHeading } from '../../ui/page-heading';
import { usePageTitle } from '../../ui/use-page-title';
import { useToday } from '../../ui/use-today';
import { useActingUser } from '../follow-up/acting-user';
import { approvalCasePath } from './approval-path';
import { approvalQueue } from './approval-queue';
import { useApprovalText } from './approval-text';

/** /approval — the case officer's open approval cases by next deadline, with their status here and in FS. */
export function ApprovalQueuePage() {
  const dictionary = useApprovalText();
  const t = dictionary.queue;
  const language = useAppStore((state) => state.language);
  const db = useDatabase();
  const actor = useActingUser();
  const today = useToday();
  usePageTitle(t.title);
  const cases$ = useMemo(() => db.cases.find({ selector: { type: 'approval' } }).$, [db]);
  const docs = useObservable(cases$);
  const queue = useMemo(
    () =>
      docs
        ? approvalQueue(
            docs.map((doc) => doc.toJSON() as Case),
            actor,
          )
        : undefined,
    [docs, actor],
  );
  return (
    <div className="approval-queue">
      <PageHeading>{t.title}</PageHeading>
      <Paragraph>{t.intro}</Paragraph>
      {!queue ? (
        <Spinner aria-label={dictionary.loading} />
      ) : queue.length === 0 ? (
        <Paragraph>{t.empty}</Paragraph>
      ) : (
        <Table data-size="sm" aria-label={t.title}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.case}</Table.HeaderCell>
              <Table.HeaderCell>{t.caseNumber}</Table.HeaderCell>
              <Table.HeaderCell>{t.status}</Table.HeaderCell>
              <Table.HeaderCell>{t.fsStatus}</Table.HeaderCell>
              <Table.HeaderCell>{t.nextDeadline}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {queue.map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell>
                  <Link asChild>
                    <RouterLink to={approvalCasePath(c.id)}>{c.title}</RouterLink>
                  </Link>
                </Table.Cell>
                <Table.Cell>{c.caseNumber}</Table.Cell>
                <Table.Cell>{approvalStatusLabels[c.status as ApprovalStatus]?.[language] ?? c.status}</Table.Cell>
                <Table.Cell>
                  <code>{fsStatusOf[c.status as ApprovalStatus] ?? '–'}</code>
                </Table.Cell>
                <Table.Cell>
                  {hasDeadline(c.nextDeadline) ? formatDate(c.nextDeadline, dictionary.locale) : t.noDeadline}
                  {hasDeadline(c.nextDeadline) && c.nextDeadline < today && ` (${t.overdue})`}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </div>
  );
}
