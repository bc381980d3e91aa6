import { z } from 'zod';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { Person } from '../../../src-shared/domain/person/person.schema';
import type { Recipient } from '../../../src-shared/domain/workflow/command.schema';
import { findUser } from '../../auth/accounts';
import type { Sql } from '../../db/database';
import { stored } from '../issued-letter';
import { staffInRole } from '../staff-recipients';

const emailAddress = z.email();
const valid = (email: string | undefined) => !!email && emailAddress.safeParse(email.trim()).success;

/**
 * The addresses of a notice's recipient, from the server's own sources only: a person from the
 * register of people, a user from the accounts, a role from the staff directory (every active
 * account holding the role in scope for the case). None when the source has no valid address.
 */
export async function noticeAddresses(sql: Sql, recipient: Recipient, c: Case): Promise<string[]> {
  switch (recipient.kind) {
    case 'person': {
      const person = await stored<Person>(sql, 'people', recipient.personId);
      return person && valid(person.email) ? [person.email.trim()] : [];
    }
    case 'user': {
      const user = await findUser(sql, { id: recipient.userId });
      return user && !user.disabled && valid(user.email) ? [user.email.trim()] : [];
    }
    case 'role':
      return (await staffInRole(sql, recipient.role, c)).map((party) => party.email.trim());
  }
}
