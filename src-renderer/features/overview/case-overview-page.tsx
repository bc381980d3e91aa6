import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/use-t';
import { PageHeading } from '../../ui/page-heading';
import { usePageTitle } from '../../ui/use-page-title';
import { useToday } from '../../ui/use-today';
import { BulkActions } from './bulk/bulk-actions';
import { CaseDistributionChart } from './case-distribution-chart';
import { CaseFilters } from './case-filters';
import { CaseList } from './case-list';
import { caseFilterKey } from './case-query';
import { ExportButton } from './export/export-button';
import { MatchCount } from './match-count';

export function CaseOverviewPage() {
  const t = useT();
  usePageTitle(t.overview.title);
  const filter = useAppStore((state) => state.caseFilter);
  const today = useToday();
  return (
    <div className="case-overview">
      <PageHeading>{t.overview.title}</PageHeading>
      <CaseFilters />
      <div className="case-overview__summary">
        <MatchCount filter={filter} today={today} />
        <ExportButton filter={filter} today={today} />
      </div>
      <BulkActions filter={filter} today={today} />
      <div className="case-overview__body">
        <div className="case-overview__list">
          <CaseList key={caseFilterKey(filter, today)} filter={filter} today={today} />
        </div>
        <CaseDistributionChart />
      </div>
    </div>
  );
}
