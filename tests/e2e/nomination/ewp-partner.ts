import { importAllOrNothing } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import type { OrgUnit } from '../../../src-shared/domain/organisation/org-unit.schema';
import { PARTNER_HEI } from '../../stand-ins/ewp-partner-server';
import type { CentralServer } from '../sync/support/central-server';

/** Puts a demo partner in the EWP network as the stand-in partner's HEI (its organisation unit's ewpHeiId). */
export async function partnerInEwp(server: CentralServer, partnerId: string): Promise<void> {
  const [row] = await server.db.query<{ doc: string | OrgUnit }>(`SELECT doc FROM sync_documents WHERE collection = 'organisation' AND id = $1`, [partnerId]);
  const unit = (typeof row!.doc === 'string' ? JSON.parse(row!.doc) : row!.doc) as OrgUnit;
  const organisation = defaultSyncCollections().find((collection) => collection.name === 'organisation')!;
  const changed = { ...unit, attributes: { ...unit.attributes, ewpHeiId: PARTNER_HEI }, updatedAt: new Date().toISOString() };
  await importAllOrNothing(server.db, organisation, [changed as unknown as Record<string, unknown>], { actorId: null, action: 'org-import' });
}
