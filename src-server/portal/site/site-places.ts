import type { Actor } from '../../../src-shared/domain/access';
import type { SitePlaces } from '../../../src-shared/portal/site.contract';
import type { Sql } from '../../db/database';
import { storedOrganisation } from '../../organisation/org-store';
import { siteOrders } from './site-orders';

/**
 * The places a coordinator's sites offer, per site and unit: the capacity confirmed on its live
 * orders (not declined or cancelled) and, where the organisation knows it, the unit's own capacity.
 */
export async function sitePlaces(sql: Sql, actor: Actor): Promise<SitePlaces['places']> {
  const orders = (await siteOrders(sql, actor)).filter((order) => order.status !== 'declined' && order.status !== 'cancelled');
  const organisation = await storedOrganisation(sql);
  const unitCapacity = (siteId: string, unit: string) => {
    const found = organisation.find((u) => u.kind === 'siteUnit' && u.parentId === siteId && u.name === unit)?.attributes.capacity;
    return found === undefined ? undefined : Number(found);
  };
  const groups = new Map<string, SitePlaces['places'][number]>();
  for (const order of orders) {
    const key = JSON.stringify([order.site.id, order.site.unit]);
    const group = groups.get(key) ?? {
      siteId: order.site.id,
      siteName: order.site.name,
      unit: order.site.unit,
      confirmedPlaces: 0,
      orders: 0,
      unitCapacity: unitCapacity(order.site.id, order.site.unit),
    };
    if (order.confirmedPlaces !== undefined) {
      group.confirmedPlaces += order.confirmedPlaces;
      group.orders += 1;
    }
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => a.siteName.localeCompare(b.siteName, 'nb') || a.unit.localeCompare(b.unit, 'nb'));
}
