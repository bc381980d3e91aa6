import { Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { followUpStatusLabels, type FollowUpStatus } from '../../../src-shared/domain/follow-up/follow-up.schema';
import { useDatabase } from '../../app/providers';
import { useAppStore } from '../../app/store';
import { useObservable } from '../../db/use-observable';
import { PageHeading } from '../../ui/page-heading';
import { usePageTitle } from '../../ui/use-page-title';
import { useToday } from '../../ui/use-today';
import { CaseQueueTable } from '../case/case-queue-table';
import { useActingUser } from '../case/acting-user';
import { ActingUserSwitch } from '../case/acting-user-switch';
import { FOLLOW_UP_PATH, followUpCasePath } from './follow-up-path';
import { followUpQueue, type FollowUpQueue } from './follow-up-queue';
import { useFollowUpText } from './follow-up-text';
import './follow-up.css';

/** /follow-up — the coordinator's queue: my cases, cases due soon, cases waiting for a signature. */
export function FollowUpQueuePage() {
  const dictionary = useFollowUpText();
  const t = dictionary.queue;
  const db = useDatabase();
  const actor = useActingUser();
  const today = useToday();
  usePageTitle(t.title);
  const cases$ = useMemo(() => db.cases.find({ selector: { type: 'followUp' } }).$, [db]);
  const docs = useObservable(cases$);
  const queue = useMemo(
    () =>
      docs
        ? followUpQueue(
            docs.map((doc) => doc.toJSON() as Case),
            actor,
            today,
          )
        : undefined,
    [docs, actor, today],
  );
  const lists: [keyof FollowUpQueue, string, string][] = [
    ['mine', t.mine, t.mineEmpty],
    ['dueSoon', t.dueSoon, t.dueSoonEmpty],
    ['awaitingSignature', t.awaitingSignature, t.awaitingSignatureEmpty],
  ];
  return (
    <div className="follow-up-queue">
      <PageHeading>{t.title}</PageHeading>
      <ActingUserSwitch />
      <Paragraph>
        <Link asChild>
          <RouterLink to={`${FOLLOW_UP_PATH}/report`}>{t.report}</RouterLink>
        </Link>
      </Paragraph>
      {!queue ? (
        <Spinner aria-label={dictionary.loading} />
      ) : (
        lists.map(([key, heading, empty]) => (
          <QueueList key={key} id={`follow-up-queue-${key}`} heading={heading} empty={empty} cases={queue[key]} today={today} />
        ))
      )}
    </div>
  );
}

function QueueList({ id, heading, empty, cases, today }: { id: string; heading: string; empty: string; cases: readonly Case[]; today: string }) {
  const dictionary = useFollowUpText();
  const t = dictionary.queue;
  const language = useAppStore((state) => state.language);
  return (
    <section aria-labelledby={id} className="follow-up-queue__list">
      <Heading level={2} data-size="sm" id={id}>
        {heading} ({cases.length})
      </Heading>
      {cases.length === 0 ? (
        <Paragraph>{empty}</Paragraph>
      ) : (
        <CaseQueueTable
          aria-labelledby={id}
          cases={cases}
          pathOf={followUpCasePath}
          statusOf={(c) => followUpStatusLabels[c.status as FollowUpStatus]?.[language] ?? c.status}
          texts={t}
          today={today}
        />
      )}
    </section>
  );
}
