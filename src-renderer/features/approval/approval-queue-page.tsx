import { Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { approvalStatusLabels, fsStatusOf, type ApprovalStatus } from '../../../src-shared/domain/approval';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { useDatabase } from '../../app/providers';
import { useAppStore } from '../../app/store';
import { useObservable } from '../../db/use-observable';
import { PageHeading } from '../../ui/page-heading';
import { usePageTitle } from '../../ui/use-page-title';
import { useToday } from '../../ui/use-today';
import { CaseQueueTable } from '../case/case-queue-table';
import { useActingUser } from '../case/acting-user';
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
        <CaseQueueTable
          aria-label={t.title}
          cases={queue}
          pathOf={approvalCasePath}
          statusOf={(c) => approvalStatusLabels[c.status as ApprovalStatus]?.[language] ?? c.status}
          columns={[{ header: t.fsStatus, cell: (c) => <code>{fsStatusOf[c.status as ApprovalStatus] ?? '–'}</code> }]}
          texts={t}
          today={today}
        />
      )}
    </div>
  );
}
