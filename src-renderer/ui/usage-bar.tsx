import { Paragraph, Tag } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { fillPercent } from './fill-percent';
import './usage-bar.css';

/**
 * How much of a capacity is used, as a bar, with `label` (the same in words) as its text
 * alternative and beside it; over capacity the bar turns red and `over` is shown as a tag.
 * `places` undefined: no capacity known (an empty bar).
 */
export function UsageBar(props: { label: string; used: number; places: number | undefined; over: ReactNode; width: number; as?: 'div' | 'li' }) {
  const { label, used, places, over, width, as: Element = 'div' } = props;
  const overbooked = places !== undefined && used > places;
  return (
    <Element className="usage-bar">
      <svg role="img" aria-label={label} viewBox="0 0 100 6" preserveAspectRatio="none" width={width} height="12">
        <rect className="usage-bar__track" x="0" y="0" width="100" height="6" />
        <rect className={overbooked ? 'usage-bar__fill usage-bar__fill--over' : 'usage-bar__fill'} x="0" y="0" width={fillPercent(used, places)} height="6" />
      </svg>
      <Paragraph data-size="sm" aria-hidden="true">
        {label}
      </Paragraph>
      {overbooked && (
        <Tag data-color="danger" data-size="sm">
          {over}
        </Tag>
      )}
    </Element>
  );
}
