import { orgUnitSchema, type OrgUnit } from '../../src-shared/domain/organisation/org-unit.schema';
import type { Sql } from '../db/database';

/** The organisation units stored on the server (not deleted). */
export async function storedOrganisation(sql: Sql): Promise<OrgUnit[]> {
  const rows = await sql.query<{ doc: string }>(`SELECT doc FROM sync_documents WHERE collection = 'organisation' AND NOT deleted`);
  return rows.map((row) => orgUnitSchema.parse(JSON.parse(row.doc)));
}
