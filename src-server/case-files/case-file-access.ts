import { roleCanEdit, type Actor } from '../../src-shared/domain/access';
import { partAccess } from '../../src-shared/domain/access/access-table';
import { readAccess } from '../../src-shared/domain/access/read-projection';
import type { CaseScope } from '../sync/visibility';

/** Keeps a file on the case: a role of the actor may edit the case now and works with its documents. */
export function mayKeepCaseFile(actor: Actor, c: CaseScope): boolean {
  return actor.roles.some((role) => roleCanEdit(role, actor, c) && partAccess(c.type, role, 'documents') !== '-');
}

/** Reads the case's files: a role that lets the actor see the case reads its documents. */
export function mayReadCaseFiles(actor: Actor, c: CaseScope): boolean {
  return readAccess(actor, c, 'documents') !== '-';
}
