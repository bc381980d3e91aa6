import { Link, Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { formatDate, hasDeadline } from '../../i18n/format';
import { useT } from '../../i18n/use-t';

export interface CaseQueueTexts {
  case: string;
  caseNumber: string;
  status: string;
  nextDeadline: string;
  noDeadline: string;
  overdue: string;
}

/** A column a case type adds after the status (e.g. the status in FS). */
export interface CaseQueueColumn {
  header: string;
  cell(c: Case): ReactNode;
}

/**
 * A case type's queue as a table: each case linked to its page, its number and status, the type's
 * own columns, and its next deadline (marked when overdue). Named by `aria-label` or `aria-labelledby`.
 */
export function CaseQueueTable({
  cases,
  pathOf,
  statusOf,
  texts,
  today,
  columns = [],
  ...name
}: {
  cases: readonly Case[];
  pathOf(id: string): string;
  statusOf(c: Case): string;
  texts: CaseQueueTexts;
  today: string;
  columns?: readonly CaseQueueColumn[];
} & ({ 'aria-label': string } | { 'aria-labelledby': string })) {
  const { locale } = useT();
  return (
    <Table data-size="sm" {...name}>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{texts.case}</Table.HeaderCell>
          <Table.HeaderCell>{texts.caseNumber}</Table.HeaderCell>
          <Table.HeaderCell>{texts.status}</Table.HeaderCell>
          {columns.map((column) => (
            <Table.HeaderCell key={column.header}>{column.header}</Table.HeaderCell>
          ))}
          <Table.HeaderCell>{texts.nextDeadline}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {cases.map((c) => (
          <Table.Row key={c.id}>
            <Table.Cell>
              <Link asChild>
                <RouterLink to={pathOf(c.id)}>{c.title}</RouterLink>
              </Link>
            </Table.Cell>
            <Table.Cell>{c.caseNumber}</Table.Cell>
            <Table.Cell>{statusOf(c)}</Table.Cell>
            {columns.map((column) => (
              <Table.Cell key={column.header}>{column.cell(c)}</Table.Cell>
            ))}
            <Table.Cell>
              {hasDeadline(c.nextDeadline) ? formatDate(c.nextDeadline, locale) : texts.noDeadline}
              {hasDeadline(c.nextDeadline) && c.nextDeadline < today && ` (${texts.overdue})`}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
