import { Button, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import type { SiteOrder, SiteStaffing, SiteUser } from '../../../src-shared/portal/site.contract';
import { ChangeRefusedError, type PortalApi } from '../../api/portal-api';
import { useT } from '../../i18n/language';

type ClassStaff = { coordinatorId: string; supervisors: Record<string, number | undefined> };

/** The staffing the form starts from: what the order has, else the site's first coordinator and no supervisors. */
function initial(order: SiteOrder, users: SiteUser[]): Record<string, ClassStaff> {
  const firstCoordinator = users.find((u) => u.roles.includes('siteCoordinator'))?.userId ?? '';
  return Object.fromEntries(
    order.activity.classes.map((className) => {
      const current = order.staffing?.find((s) => s.className === className);
      return [
        className,
        {
          coordinatorId: current?.coordinator.userId ?? firstCoordinator,
          supervisors: Object.fromEntries((current?.supervisors ?? []).map((s) => [s.userId, s.limit])),
        },
      ];
    }),
  );
}

/**
 * "Koordinator og veiledere": per class the site's coordinator and supervisors (each with how many
 * students they take at most), picked from the site's own users; the server checks them again.
 */
export function OrderStaffing({ api, order, users, onDone }: { api: PortalApi; order: SiteOrder; users: SiteUser[]; onDone(text: string, ok: boolean): void }) {
  const t = useT();
  const s = t.site.staffing;
  const [staff, setStaff] = useState(() => initial(order, users));
  const coordinators = users.filter((u) => u.roles.includes('siteCoordinator'));
  const set = (className: string, change: (current: ClassStaff) => ClassStaff) => setStaff((all) => ({ ...all, [className]: change(all[className]!) }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const staffing: SiteStaffing['staffing'] = order.activity.classes.map((className) => ({
      className,
      coordinatorId: staff[className]!.coordinatorId,
      supervisors: Object.entries(staff[className]!.supervisors).flatMap(([userId, limit]) => (limit === undefined ? [] : [{ userId, limit }])),
    }));
    if (staffing.some((c) => c.supervisors.length === 0 || c.supervisors.some((v) => !(v.limit >= 1 && v.limit <= 20)))) {
      onDone(s.missing, false);
      return;
    }
    try {
      await api.staffOrder(order.id, staffing);
      onDone(s.done, true);
    } catch (error) {
      onDone(error instanceof ChangeRefusedError ? (error.status === 409 ? s.conflict : s.invalid) : t.failed, false);
    }
  }

  return (
    <section aria-labelledby="staffing-title">
      <Heading level={2} data-size="md" id="staffing-title">
        {s.title}
      </Heading>
      {order.staffing && (
        <ul data-testid="current-staffing">
          {order.staffing.map((c) => (
            <li key={c.className}>
              {s.classSummary(c.className, c.coordinator.name, c.supervisors.map((v) => `${v.name} (${s.limitShort(v.limit)})`).join(', '))}
            </li>
          ))}
        </ul>
      )}
      {order.status === 'capacityConfirmed' || order.status === 'staffed' ? (
        <form onSubmit={(event) => void submit(event)} className="portal-form" aria-labelledby="staffing-title">
          <Paragraph>{s.help}</Paragraph>
          {order.activity.classes.map((className) => (
            <Fieldset key={className}>
              <Fieldset.Legend>{s.classLegend(className)}</Fieldset.Legend>
              <Field>
                <Label htmlFor={`coordinator-${className}`}>{s.coordinator(className)}</Label>
                <Select
                  id={`coordinator-${className}`}
                  value={staff[className]!.coordinatorId}
                  onChange={(event) => set(className, (c) => ({ ...c, coordinatorId: event.target.value }))}
                >
                  {coordinators.map((u) => (
                    <Select.Option key={u.userId} value={u.userId}>
                      {u.name}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              {users.map((u) => {
                const limit = staff[className]!.supervisors[u.userId];
                return (
                  <div key={u.userId} className="site-staffing__supervisor">
                    <Checkbox
                      label={s.supervisor(u.name, className)}
                      description={u.email}
                      checked={limit !== undefined}
                      onChange={(event) =>
                        set(className, (c) => ({ ...c, supervisors: { ...c.supervisors, [u.userId]: event.target.checked ? 2 : undefined } }))
                      }
                    />
                    {limit !== undefined && (
                      <Textfield
                        type="number"
                        min={1}
                        max={20}
                        required
                        label={s.limit(u.name, className)}
                        value={String(limit)}
                        onChange={(event) => set(className, (c) => ({ ...c, supervisors: { ...c.supervisors, [u.userId]: Number(event.target.value) } }))}
                      />
                    )}
                  </div>
                );
              })}
            </Fieldset>
          ))}
          <Button type="submit">{s.save}</Button>
        </form>
      ) : (
        !order.staffing && <Paragraph>{s.notYet}</Paragraph>
      )}
    </section>
  );
}
