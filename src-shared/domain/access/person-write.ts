import { isValidNationalId } from '../national-id';
import type { JsonRecord } from '../../sync/json-value';
import { changedPaths } from '../../sync/three-way-merge';
import { registerTable } from './access-table';
import type { Actor } from './roles';

export type PersonWriteResult = { ok: true } | { ok: false; code: string; message: string };

/** Fields that decide where letters go and who a person is: changed only by authorised staff. */
const identityFields = ['email', 'nationalId'];

const deny = (code: string, message: string): PersonWriteResult => ({ ok: false, code, message });

/**
 * Who may register people and change what (the register columns of the access table): staff of
 * the person's institution with `create` register new people and correct names; with `all` they
 * also change e-mail addresses and national IDs. Nobody moves a person to another institution.
 */
export function checkPersonWrite(actor: Actor, before: JsonRecord | null, after: JsonRecord): PersonWriteResult {
  const institutions = [after.institution, ...(before ? [before.institution] : [])];
  if (!institutions.every((institution) => institution === actor.scope.institution)) {
    return deny('forbidden', 'People can only be registered within your own institution.');
  }
  const rights = actor.roles.map((role) => registerTable[role].write);
  if (rights.every((right) => right === '-')) return deny('forbidden', 'You may not register or change people.');
  const nationalId = String(after.nationalId ?? '');
  if (nationalId !== '' && !isValidNationalId(nationalId)) return deny('invalid-national-id', 'The national ID is not a valid fødselsnummer or D-number.');
  if (!before || rights.includes('all')) return { ok: true };
  const identity = changedPaths(before, after).filter((path) => identityFields.includes(path));
  return identity.length === 0 ? { ok: true } : deny('identity-field', `Only a case officer may change ${identity.join(' and ')} of a registered person.`);
}
