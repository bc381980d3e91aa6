import { isStaff } from '../../src-shared/domain/access';
import { staffMember, type StaffMember } from '../../src-shared/domain/staff/staff.schema';
import type { Sql } from '../db/database';
import type { UserRecord } from './accounts';

export const STAFF_COLLECTION = 'staff';

const withoutTime = ({ updatedAt: _updatedAt, ...rest }: StaffMember) => JSON.stringify(rest);

/**
 * Writes the staff directory entries of these accounts into the replicated `staff` collection,
 * as new feed positions so laptops pull them; entries that did not change are left alone, and
 * accounts of partners, students and applicants are not staff. Returns how many were written.
 */
export async function publishStaff(sql: Sql, users: readonly UserRecord[]): Promise<number> {
  const staff = users.filter(isStaff);
  if (staff.length === 0) return 0;
  const stored = await sql.query<{ id: string; doc: string }>(`SELECT id, doc FROM sync_documents WHERE collection = $1 AND id = ANY($2)`, [
    STAFF_COLLECTION,
    staff.map((user) => user.id),
  ]);
  const before = new Map(stored.map((row) => [row.id, withoutTime(JSON.parse(row.doc) as StaffMember)]));
  const now = new Date().toISOString();
  const changed = staff.map((user) => staffMember({ ...user, active: !user.disabled }, now)).filter((member) => before.get(member.id) !== withoutTime(member));
  for (const member of changed) {
    await sql.query(
      `INSERT INTO sync_documents (collection, id, doc) VALUES ($1, $2, $3)
       ON CONFLICT (collection, id) DO UPDATE SET doc = EXCLUDED.doc, deleted = false, txid = pg_current_xact_id(),
         seq = nextval('sync_seq'), version = sync_documents.version + 1`,
      [STAFF_COLLECTION, member.id, JSON.stringify(member)],
    );
  }
  return changed.length;
}
