import { Paragraph, Tag } from '@digdir/designsystemet-react';
import { fillPercent, type AgreementUse } from './offer-list';
import { useOffersText } from './offers-text';

/** An agreement's places in a term against its offers' capacity: a bar, with the same in words as its text alternative. */
export function CapacityBar({ use }: { use: AgreementUse }) {
  const t = useOffersText().list;
  const label = t.usage(use.agreementName, use.used, use.places);
  const over = use.places !== undefined && use.used > use.places;
  return (
    <div className="offer-capacity">
      <svg className="offer-capacity__bar" role="img" aria-label={label} viewBox="0 0 100 6" preserveAspectRatio="none" width="160" height="12">
        <rect className="offer-capacity__track" x="0" y="0" width="100" height="6" />
        <rect className={over ? 'offer-capacity__fill offer-capacity__fill--over' : 'offer-capacity__fill'} x="0" y="0" width={fillPercent(use)} height="6" />
      </svg>
      <Paragraph data-size="sm" aria-hidden="true">
        {label}
      </Paragraph>
      {over && (
        <Tag data-color="danger" data-size="sm">
          {t.overbooked}
        </Tag>
      )}
    </div>
  );
}
