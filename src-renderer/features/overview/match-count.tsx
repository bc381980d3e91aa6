import { Paragraph } from '@digdir/designsystemet-react';
import { useT } from '../../i18n/use-t';
import type { CaseFilter } from './case-query';
import { useCaseCounts, useCountingProgress } from './use-case-list';

/**
 * "N of M cases match", announced politely when the filter changes the number. While the counts
 * are not known (the search index reads every case once), how far it has come, outside the live
 * region so that it is not announced every half second.
 */
export function MatchCount({ filter, today }: { filter: CaseFilter; today: string }) {
  const t = useT();
  const { matches, total } = useCaseCounts(filter, today);
  const read = useCountingProgress();
  const counting = matches === undefined || total === undefined;
  return (
    <div className="match-count">
      <Paragraph role="status" className="match-count__total" data-testid="match-count">
        {counting ? t.overview.counting : t.overview.matches(matches, total)}
      </Paragraph>
      {counting && read ? (
        <Paragraph data-size="sm" data-testid="match-count-progress">
          {t.overview.countedSoFar(read)}
        </Paragraph>
      ) : null}
    </div>
  );
}
