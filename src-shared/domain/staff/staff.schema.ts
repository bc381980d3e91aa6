import { z } from 'zod';
import { actorScopeSchema, roles, type ActorScope, type Role } from '../access/roles';
import { idSchema, isoTimestamp } from '../case/case.schema';

/**
 * A member of staff as the app names them on letters and protocols, and addresses e-mails to:
 * the server's account, published read-only to the institution's staff (the staff directory).
 */
export const staffMemberSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(200),
  roles: z.array(z.enum(roles)).min(1).max(roles.length),
  institution: actorScopeSchema.shape.institution,
  departments: actorScopeSchema.shape.departments,
  cohorts: actorScopeSchema.shape.cohorts,
  /** '' when the account has no address. */
  email: z.string().max(200),
  /** False once the account is disabled: kept for the names on earlier documents. */
  active: z.boolean(),
  updatedAt: isoTimestamp,
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

/** The directory entry of an account. */
export function staffMember(
  account: { id: string; name: string; roles: Role[]; scope: ActorScope; email: string; active: boolean },
  updatedAt: string,
): StaffMember {
  const { id, name, roles: accountRoles, scope, email, active } = account;
  return { id, name, roles: accountRoles, institution: scope.institution, departments: scope.departments, cohorts: scope.cohorts, email, active, updatedAt };
}
