import { UsageBar } from '../../../ui/usage-bar';
import type { AgreementUse } from './offer-list';
import { useOffersText } from './offers-text';

/** An agreement's places in a term against its offers' capacity: a bar, with the same in words as its text alternative. */
export function CapacityBar({ use }: { use: AgreementUse }) {
  const t = useOffersText().list;
  return <UsageBar label={t.usage(use.agreementName, use.used, use.places)} used={use.used} places={use.places} over={t.overbooked} width={160} />;
}
