import { Button, Checkbox, Field, Label, Link, Paragraph, Select, Spinner } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { OFFERS_PATH } from './offers/offer-path';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { nominationStatusLabels, type NominationStatus } from '../../../src-shared/domain/nomination';
import { useDatabase } from '../../app/providers';
import { useAppStore } from '../../app/store';
import { useObservable } from '../../db/use-observable';
import { PageHeading } from '../../ui/page-heading';
import { usePageTitle } from '../../ui/use-page-title';
import { useToday } from '../../ui/use-today';
import { useActingUser } from '../case/acting-user';
import { CaseQueueTable } from '../case/case-queue-table';
import { BulkProgress } from '../overview/bulk/bulk-progress';
import { BulkResults } from '../overview/bulk/bulk-results';
import type { SelectedCase } from '../overview/bulk/bulk-selection';
import { useBulkRun } from '../overview/bulk/use-bulk-run';
import '../overview/bulk/bulk.css';
import { ActingUserSwitch } from '../case/acting-user-switch';
import { AdmissionRankingPanel } from './admission-ranking-panel';
import { NominationBulkBar } from './nomination-bulk-bar';
import { NOMINATION_EWP_PATH, NOMINATION_ON_BEHALF_PATH, nominationCasePath } from './nomination-path';
import { admissionsOf, applicationsToProcess, nominationsOf, statusCounts, type StatusFilter } from './nomination-queue';
import { useNominationText } from './nomination-text';

/** /nomination — per admission, the applications the case officer processes, filtered by status, with bulk steps. */
export function NominationQueuePage() {
  const text = useNominationText();
  const t = text.queue;
  const language = useAppStore((state) => state.language);
  const db = useDatabase();
  const actor = useActingUser();
  const today = useToday();
  const run = useBulkRun();
  usePageTitle(t.title);
  const cases$ = useMemo(() => db.cases.find({ selector: { type: 'nomination' } }).$, [db]);
  const docs = useObservable(cases$);
  const nominations = useMemo(
    () =>
      docs
        ? nominationsOf(
            docs.map((doc) => doc.toJSON() as Case),
            actor,
          )
        : undefined,
    [docs, actor],
  );
  const admissions = useMemo(() => admissionsOf(nominations ?? []), [nominations]);
  const [chosenAdmission, setAdmission] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());

  if (!nominations) return <Spinner aria-label={text.loading} />;
  const admission = admissions.find((a) => a.key === chosenAdmission) ?? admissions[0];
  const inAdmission = admission ? applicationsToProcess(nominations, admission.key, 'all') : [];
  const counts = statusCounts(inAdmission);
  const filter = counts.some((count) => count.status === status) ? status : 'all';
  const shown = applicationsToProcess(inAdmission, admission?.key ?? '', filter);
  // Only shown applications count as selected: a filter change never acts on hidden ones.
  const selected: SelectedCase[] = shown
    .filter((n) => selectedIds.has(n.case.id))
    .map(({ case: c }) => ({ id: c.id, caseNumber: c.caseNumber, title: c.title, type: c.type }));
  const partnerOf = new Map(shown.map((n) => [n.case.id, n.details.partner.name]));
  const toggle = (id: string) => setSelectedIds((ids) => (ids.has(id) ? new Set([...ids].filter((other) => other !== id)) : new Set([...ids, id])));

  return (
    <div className="nomination-queue">
      <PageHeading>{t.title}</PageHeading>
      <Paragraph>{t.intro}</Paragraph>
      <nav aria-label={text.actions.label} className="nomination-queue__actions">
        <Link asChild>
          <RouterLink to={NOMINATION_ON_BEHALF_PATH}>{text.actions.onBehalf}</RouterLink>
        </Link>
        <Link asChild>
          <RouterLink to={NOMINATION_EWP_PATH}>{text.actions.ewp}</RouterLink>
        </Link>
        <Link asChild>
          <RouterLink to={OFFERS_PATH}>{text.actions.offers}</RouterLink>
        </Link>
      </nav>
      <ActingUserSwitch />
      {!admission ? (
        <Paragraph>{t.empty}</Paragraph>
      ) : (
        <>
          <div className="nomination-queue__filters">
            <Field>
              <Label htmlFor="nomination-admission">{t.admission}</Label>
              <Select id="nomination-admission" value={admission.key} onChange={(change) => setAdmission(change.target.value)}>
                {admissions.map((a) => (
                  <Select.Option key={a.key} value={a.key}>
                    {t.admissionOption(a.code, a.name, a.term, a.count)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label htmlFor="nomination-status">{t.statusFilter}</Label>
              <Select id="nomination-status" value={filter} onChange={(change) => setStatus(change.target.value as StatusFilter)}>
                <Select.Option value="all">{t.allStatuses(inAdmission.length)}</Select.Option>
                {counts.map(({ status: s, count }) => (
                  <Select.Option key={s} value={s}>
                    {t.statusOption(nominationStatusLabels[s][language], count)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          </div>
          <AdmissionRankingPanel key={admission.key} nominations={nominations} admission={admission} />
          <section className="bulk-actions" aria-label={text.bulk.label}>
            <div className="bulk-toolbar">
              <Button type="button" variant="secondary" data-size="sm" onClick={() => setSelectedIds(new Set(shown.map((n) => n.case.id)))}>
                {text.bulk.selectAll(shown.length)}
              </Button>
              <Paragraph role="status" data-size="sm" className="bulk-toolbar__count">
                {selected.length > 0 ? text.bulk.selected(selected.length) : ''}
              </Paragraph>
              {selected.length > 0 && (
                <Button type="button" variant="tertiary" data-size="sm" onClick={() => setSelectedIds(new Set())}>
                  {text.bulk.clear}
                </Button>
              )}
            </div>
            <NominationBulkBar run={run} selected={selected} today={today} />
            <BulkProgress run={run} />
            <BulkResults run={run} />
          </section>
          {shown.length === 0 ? (
            <Paragraph>{t.noneInFilter}</Paragraph>
          ) : (
            <CaseQueueTable
              aria-label={t.tableLabel(admission.code)}
              cases={shown.map((n) => n.case)}
              pathOf={nominationCasePath}
              statusOf={(c) => nominationStatusLabels[c.status as NominationStatus]?.[language] ?? c.status}
              columns={[
                { header: t.partner, cell: (c) => partnerOf.get(c.id) },
                {
                  header: t.select,
                  cell: (c) => <Checkbox aria-label={t.selectCase(c.caseNumber, c.title)} checked={selectedIds.has(c.id)} onChange={() => toggle(c.id)} />,
                },
              ]}
              texts={t}
              today={today}
            />
          )}
        </>
      )}
    </div>
  );
}
