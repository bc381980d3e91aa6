import { UsageBar } from '../../../ui/usage-bar';
import { useDistributionText } from './distribution-text';
import type { OrderBar } from './distribution-view';

/** Per order a bar of its places and the students placed there; each bar's text alternative says the same in words. */
export function PlacesChart({ bars }: { bars: OrderBar[] }) {
  const t = useDistributionText();
  if (!bars.length) return null;
  return (
    <ul className="distribution__chart" aria-label={t.chartLabel}>
      {bars.map((bar) => (
        <UsageBar
          key={bar.orderId}
          as="li"
          label={t.usage(t.orderLabel(bar.site, bar.classes), bar.placed, bar.places)}
          used={bar.placed}
          places={bar.places}
          over={bar.placed - bar.places}
          width={200}
        />
      ))}
    </ul>
  );
}
