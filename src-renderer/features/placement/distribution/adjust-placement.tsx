import { Button, Field, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { OrderSlot } from '../../../../src-shared/domain/placement/distribution';
import { useDistributionText } from './distribution-text';
import type { StudentRow } from './distribution-view';

/** Places one student by hand: one of the orders the rules allow them, and one of its supervisors of the student's class. */
export function AdjustPlacement({
  row,
  places,
  onLock,
  onCancel,
}: {
  row: StudentRow;
  places: { slot: OrderSlot; cost: number }[];
  onLock: (orderId: string, supervisorId: string) => Promise<void>;
  onCancel: () => void;
}) {
  const t = useDistributionText();
  const [orderId, setOrderId] = useState(
    row.orderId && places.some(({ slot }) => slot.orderId === row.orderId) ? row.orderId : (places[0]?.slot.orderId ?? ''),
  );
  const slot = places.find((place) => place.slot.orderId === orderId)?.slot;
  const [supervisorId, setSupervisorId] = useState(row.supervisorId ?? '');
  const supervisor = slot?.supervisors.some(({ userId }) => userId === supervisorId) ? supervisorId : (slot?.supervisors[0]?.userId ?? '');
  const [saving, setSaving] = useState(false);
  if (!places.length)
    return (
      <div className="distribution__adjust">
        <Paragraph data-size="sm">{t.noPlaceFor}</Paragraph>
        <Button variant="tertiary" data-size="sm" onClick={onCancel}>
          {t.cancel}
        </Button>
      </div>
    );
  const siteField = `adjust-site-${row.personId}`;
  const supervisorField = `adjust-supervisor-${row.personId}`;
  return (
    <div className="distribution__adjust">
      <Field>
        <Label htmlFor={siteField}>{t.chooseSite(row.name)}</Label>
        <Select id={siteField} value={orderId} onChange={(event) => setOrderId(event.target.value)} data-size="sm">
          {places.map(({ slot: option, cost }) => (
            <Select.Option key={option.id} value={option.orderId}>
              {`${option.siteName} (${t.cost.toLowerCase()} ${cost})`}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label htmlFor={supervisorField}>{t.chooseSupervisor(row.name)}</Label>
        <Select id={supervisorField} value={supervisor} onChange={(event) => setSupervisorId(event.target.value)} data-size="sm">
          {slot?.supervisors.map(({ userId, name, limit }) => (
            <Select.Option key={userId} value={userId}>
              {`${name} (${limit})`}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <div className="distribution__row-actions">
        <Button
          data-size="sm"
          disabled={saving || !supervisor}
          onClick={() => {
            setSaving(true);
            void onLock(orderId, supervisor).finally(() => setSaving(false));
          }}
        >
          {t.lock}
        </Button>
        <Button variant="tertiary" data-size="sm" onClick={onCancel}>
          {t.cancel}
        </Button>
      </div>
    </div>
  );
}
