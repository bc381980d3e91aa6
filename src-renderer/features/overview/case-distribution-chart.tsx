import { Heading } from '@digdir/designsystemet-react';
import { useId, useMemo } from 'react';
import { caseTypes } from '../../../src-shared/domain/case/case-type';
import { useDatabase } from '../../app/providers';
import { useObservable } from '../../db/use-observable';
import { useT } from '../../i18n/use-t';
import { fromSearchIndex } from './case-search-index';
import { afterFirstRows } from './first-rows';

const BAR_HEIGHT = 22;
const GAP = 10;
const LABEL_WIDTH = 170;
const BAR_AREA = 150;
const VALUE_WIDTH = 56;

/**
 * Cases per case type as a small bar chart. Counts come from the search index (no IndexedDB walks),
 * once the list has its first rows. The SVG is one image with a text alternative listing every value.
 */
export function CaseDistributionChart() {
  const t = useT();
  const db = useDatabase();
  const titleId = useId();
  const descId = useId();
  const counts$ = useMemo(() => afterFirstRows(fromSearchIndex(db.cases, (index) => index.typeCounts$())), [db]);
  const counts = useObservable(counts$);
  if (!counts) return null;

  const max = Math.max(1, ...counts);
  const height = caseTypes.length * (BAR_HEIGHT + GAP);
  const width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH;
  const summary = t.chart.summary(caseTypes.map((type, i) => `${t.caseTypes[type]} ${counts[i]}`).join(', '));
  return (
    <figure className="case-chart" aria-labelledby={titleId}>
      <figcaption>
        <Heading level={2} data-size="2xs" id={titleId}>
          {t.chart.title}
        </Heading>
      </figcaption>
      <svg role="img" aria-labelledby={`${titleId} ${descId}`} viewBox={`0 0 ${width} ${height}`} className="case-chart__svg">
        <desc id={descId}>{summary}</desc>
        {caseTypes.map((type, i) => {
          const y = i * (BAR_HEIGHT + GAP);
          const count = counts[i] ?? 0;
          return (
            <g key={type} aria-hidden="true">
              <text x={0} y={y + BAR_HEIGHT * 0.72} className="case-chart__label">
                {t.caseTypes[type]}
              </text>
              <rect x={LABEL_WIDTH} y={y} height={BAR_HEIGHT} width={Math.max(2, (count / max) * BAR_AREA)} rx={3} className="case-chart__bar" />
              <text x={width} y={y + BAR_HEIGHT * 0.72} textAnchor="end" className="case-chart__value">
                {count}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
