import { Paragraph } from '@digdir/designsystemet-react';
import { useT } from '../../i18n/use-t';
import type { CaseFilter } from './case-query';
import { useCaseCounts } from './use-case-list';

/** "N of M cases match", announced politely when the filter changes the number. */
export function MatchCount({ filter, today }: { filter: CaseFilter; today: string }) {
  const t = useT();
  const { matches, total } = useCaseCounts(filter, today);
  return (
    <Paragraph role="status" className="match-count" data-testid="match-count">
      {matches === undefined || total === undefined ? t.app.loading : t.overview.matches(matches, total)}
    </Paragraph>
  );
}
