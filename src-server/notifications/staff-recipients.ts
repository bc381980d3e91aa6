import { z } from 'zod';
import { roleCanSee, type Role } from '../../src-shared/domain/access';
import type { Case } from '../../src-shared/domain/case/case.schema';
import { actorOf, listUsers } from '../auth/accounts';
import type { Sql } from '../db/database';
import type { LetterParty } from './notification-letters';

const emailAddress = z.email();

/**
 * Who may receive a letter as `role` on this case: the server's staff accounts (the staff
 * directory) that are active, have a valid address, hold the role and see the case in it (the
 * head of the case's department, a rector of its institution). In the directory's order.
 */
export async function staffInRole(sql: Sql, role: Role, c: Case): Promise<LetterParty[]> {
  const users = await listUsers(sql);
  return users
    .filter((user) => !user.disabled && emailAddress.safeParse(user.email).success && roleCanSee(role, actorOf(user), c))
    .map(({ name, email }) => ({ name, email }));
}
