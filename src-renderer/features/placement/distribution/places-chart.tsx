import { Paragraph, Tag } from '@digdir/designsystemet-react';
import { useDistributionText } from './distribution-text';
import { fillPercent, type OrderBar } from './distribution-view';

/** Per order a bar of its places and the students placed there; each bar's text alternative says the same in words. */
export function PlacesChart({ bars }: { bars: OrderBar[] }) {
  const t = useDistributionText();
  if (!bars.length) return null;
  return (
    <ul className="distribution__chart" aria-label={t.chartLabel}>
      {bars.map((bar) => {
        const label = t.usage(t.orderLabel(bar.site, bar.classes), bar.placed, bar.places);
        const over = bar.placed > bar.places;
        return (
          <li key={bar.orderId} className="distribution__bar">
            <svg role="img" aria-label={label} viewBox="0 0 100 6" preserveAspectRatio="none" width="200" height="12">
              <rect className="distribution__track" x="0" y="0" width="100" height="6" />
              <rect className={over ? 'distribution__fill distribution__fill--over' : 'distribution__fill'} x="0" y="0" width={fillPercent(bar)} height="6" />
            </svg>
            <Paragraph data-size="sm" aria-hidden="true">
              {label}
            </Paragraph>
            {over && (
              <Tag data-color="danger" data-size="sm">
                {bar.placed - bar.places}
              </Tag>
            )}
          </li>
        );
      })}
    </ul>
  );
}
