import { importAllOrNothing } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import type { OrgUnit } from '../../../src-shared/domain/organisation/org-unit.schema';
import { importEwpMobilities, type EwpImportResult } from '../../../src-server/case-types/nomination/ewp/import-ewp-mobilities';
import type { EwpNomination } from '../../../src-shared/domain/nomination/ewp-nomination';
import { OUR_HEI, PARTNER_HEI, startEwpPartnerStandIn } from '../../stand-ins/ewp-partner-server';
import type { CentralServer } from '../sync/support/central-server';

/** Puts a demo partner in the EWP network as the stand-in partner's HEI (its organisation unit's ewpHeiId). */
export async function partnerInEwp(server: CentralServer, partnerId: string): Promise<void> {
  const [row] = await server.db.query<{ doc: string | OrgUnit }>(`SELECT doc FROM sync_documents WHERE collection = 'organisation' AND id = $1`, [partnerId]);
  const unit = (typeof row!.doc === 'string' ? JSON.parse(row!.doc) : row!.doc) as OrgUnit;
  const organisation = defaultSyncCollections().find((collection) => collection.name === 'organisation')!;
  const changed = { ...unit, attributes: { ...unit.attributes, ewpHeiId: PARTNER_HEI }, updatedAt: new Date().toISOString() };
  await importAllOrNothing(server.db, organisation, [changed as unknown as Record<string, unknown>], { actorId: null, action: 'org-import' });
}

/** The partner (in the EWP network as the stand-in) serves `mobilities`; the server imports them as nomination drafts. */
export async function importFromEwpPartner(server: CentralServer, partnerId: string, mobilities: EwpNomination[]): Promise<EwpImportResult> {
  const partner = await startEwpPartnerStandIn({ mobilities });
  try {
    await partnerInEwp(server, partnerId);
    return await importEwpMobilities({ db: server.db, partnerUrl: partner.url, sendingHeiId: PARTNER_HEI, receivingHeiId: OUR_HEI, maxOmobilityIds: 10 });
  } finally {
    await partner.close();
  }
}
