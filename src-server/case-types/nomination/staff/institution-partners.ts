import type { OrgUnit } from '../../../../src-shared/domain/organisation/org-unit.schema';
import type { Sql } from '../../../db/database';
import { storedOrganisation } from '../../../organisation/org-store';

export interface InstitutionPartner {
  id: string;
  name: string;
  /** The partner's HEI id in the EWP network, when it has one. */
  ewpHeiId?: string;
}

/** The partners of an institution in the organisation data: a case officer acts for these only. */
export async function institutionPartners(sql: Sql, institution: string): Promise<InstitutionPartner[]> {
  return (await storedOrganisation(sql)).flatMap((unit: OrgUnit) =>
    unit.kind === 'partner' && unit.institution === institution
      ? [{ id: unit.id, name: unit.name, ...(typeof unit.attributes.ewpHeiId === 'string' ? { ewpHeiId: unit.attributes.ewpHeiId } : {}) }]
      : [],
  );
}
