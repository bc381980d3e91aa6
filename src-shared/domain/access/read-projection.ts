import type { Case } from '../case/case.schema';
import type { CaseType } from '../case/case-type';
import { roleCanSee } from './access';
import { ownerField, partAccess, type Access } from './access-table';
import { recordPart, type RecordCollection } from './record-write';
import type { Actor, Role } from './roles';

/**
 * The read side of need to know (access-table.ts): what of a case, and of the records that belong
 * to it, an actor receives. Pure; the server runs it for every document it sends (pull, live
 * stream, push answers), so a part the table does not give the actor never leaves the server.
 *
 * An actor may hold several roles: a part is readable when any role that lets the actor see the
 * case reads it. Parts a case type's table does not list are not sent (fail closed).
 */
type CaseScope = Pick<Case, 'type' | 'status' | 'institution' | 'department' | 'cohort' | 'subjectPersonId' | 'assignees' | 'createdBy'>;

/** What the actor may read of `part` of this case: 'r' (all of it), 'o' (own entries) or '-'. */
export function readAccess(actor: Actor, c: CaseScope, part: string): Exclude<Access, 'w'> {
  return readAccessOf(seeingRoles(actor, c), c.type, part);
}

/** The actor's roles that let it see the case (worked out once per case: it is the costly part). */
function seeingRoles(actor: Actor, c: CaseScope): Role[] {
  return actor.roles.filter((role) => roleCanSee(role, actor, c));
}

function readAccessOf(roles: readonly Role[], type: CaseType, part: string): Exclude<Access, 'w'> {
  let best: Exclude<Access, 'w'> = '-';
  for (const role of roles) {
    const access = partAccess(type, role, part);
    if (access === 'r' || access === 'w') return 'r';
    if (access === 'o') best = 'o';
  }
  return best;
}

/** Whether an entry (a report, a task) names the actor in the part's owner field. */
function ownedBy(actor: Actor, part: string, entry: unknown): boolean {
  const field = ownerField[part];
  return field !== undefined && typeof entry === 'object' && entry !== null && (entry as Record<string, unknown>)[field] === actor.userId;
}

/** The value of a details key as the actor may read it, or undefined when nothing of it. */
function projectPart(actor: Actor, access: Exclude<Access, 'w'>, part: string, value: unknown): unknown {
  switch (access) {
    case 'r':
      return value;
    case 'o':
      if (Array.isArray(value)) {
        const own = value.filter((entry) => ownedBy(actor, part, entry));
        return own.length === value.length ? value : own;
      }
      return ownedBy(actor, part, value) ? value : undefined;
    case '-':
      return undefined;
  }
}

/**
 * The case as the actor may receive it: its own fields (the `case` part: that it exists and where
 * it stands) and the details keys the actor may read, own entries only for 'o' parts. Call it only
 * for a case the actor sees (canSeeCase). Returns the case itself when nothing is withheld, so
 * callers can send the stored document unchanged.
 */
export function projectCase<C extends Case>(actor: Actor, c: C): C {
  const details: Record<string, unknown> = {};
  const roles = seeingRoles(actor, c);
  let withheld = false;
  for (const [part, value] of Object.entries(c.details)) {
    const projected = projectPart(actor, readAccessOf(roles, c.type, part), part, value);
    if (projected !== undefined) details[part] = projected;
    withheld ||= projected !== value;
  }
  return withheld ? { ...c, details } : c;
}

/** Whether the actor may receive this note, document or task of a case it sees. */
export function mayReadRecord(actor: Actor, c: CaseScope, collection: RecordCollection, record: Record<string, unknown>): boolean {
  const part = recordPart(collection, record);
  const access = readAccess(actor, c, part);
  return access === 'r' || (access === 'o' && ownedBy(actor, part, record));
}

/**
 * The inverse of `projectCase`, for pushes from an actor that holds a projection: the pushed case
 * with what was withheld from the actor put back from the stored case. Parts the actor may not read
 * keep their stored value; in 'o' parts the entries of others keep their place and the actor's own
 * come from the push (in order, extra ones at the end; entries of others in the push are ignored,
 * as is any value pushed for a part the actor may not read). Everything else is as pushed, so the
 * write rules judge exactly the change the actor made.
 */
export function restoreWithheld<C extends Case>(actor: Actor, stored: C, pushed: C): C {
  const details: Record<string, unknown> = { ...pushed.details };
  for (const [part, value] of Object.entries(stored.details)) {
    const access = readAccess(actor, stored, part);
    if (access === '-') details[part] = value;
    if (access === 'o') details[part] = restoreOwn(actor, part, value, pushed.details[part]);
  }
  return { ...pushed, details };
}

function restoreOwn(actor: Actor, part: string, stored: unknown, pushed: unknown): unknown {
  if (!Array.isArray(stored)) return ownedBy(actor, part, stored) ? pushed : stored;
  const own = Array.isArray(pushed) ? pushed.filter((entry) => ownedBy(actor, part, entry)) : [];
  let next = 0;
  const merged = stored.flatMap((entry) => (!ownedBy(actor, part, entry) ? [entry] : next < own.length ? [own[next++]] : []));
  return [...merged, ...own.slice(next)];
}
