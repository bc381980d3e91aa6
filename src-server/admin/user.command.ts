import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { roles, type Role } from '../../src-shared/domain/access';
import { AppError } from '../../src-shared/kernel/app-error';
import { addUser, listUsers, setUserDisabled } from '../auth/accounts';
import { setAccountAdmin } from '../admin-api/account-admins';
import { linkIdentity, unlinkIdentity } from '../auth/oidc/oidc-identities';
import { list, options, required, type AdminCommand } from './admin-command';

const roleList = z.array(z.enum(roles)).min(1, `Give at least one of --roles ${roles.join(',')}`);

/** `user add|list|disable|enable|link-oidc|unlink-oidc|grant-admin|revoke-admin`. */
export const userCommand: AdminCommand = {
  usage:
    'user add --username U --name "N" --roles r1,r2 --institution I [--departments d1,d2] [--cohorts c1] [--partners p1] [--email E] [--password P]\n' +
    '           [--oidc-issuer ISS --oidc-subject SUB] (signs in through that OpenID Connect identity; no password unless --password)\n' +
    '  user link-oidc --username U --issuer ISS --subject SUB | user unlink-oidc --issuer ISS --subject SUB\n' +
    '  user list | user disable --username U | user enable --username U\n' +
    "  user grant-admin --username U | user revoke-admin --username U (account administrator: sees and revokes every user's devices)",
  async run([action, ...args], { db, out }) {
    switch (action) {
      case 'add': {
        const flags = options(args, {
          username: { type: 'string' },
          name: { type: 'string' },
          roles: { type: 'string' },
          institution: { type: 'string' },
          departments: { type: 'string' },
          cohorts: { type: 'string' },
          partners: { type: 'string' },
          password: { type: 'string' },
          email: { type: 'string' },
          'oidc-issuer': { type: 'string' },
          'oidc-subject': { type: 'string' },
        });
        const identity = oidcIdentity(flags['oidc-issuer'], flags['oidc-subject']);
        const parsedRoles = roleList.safeParse(list(flags.roles));
        if (!parsedRoles.success) throw new AppError('validation', parsedRoles.error.issues.map((issue) => issue.message).join('; '));
        const generated = typeof flags.password !== 'string' && !identity;
        const password = typeof flags.password === 'string' ? flags.password : generated ? randomBytes(12).toString('base64url') : undefined;
        const user = await db.transaction(async (tx) => {
          const added = await addUser(tx, {
            username: required(flags.username, 'username'),
            name: required(flags.name, 'name'),
            password,
            roles: parsedRoles.data as Role[],
            scope: {
              institution: required(flags.institution, 'institution'),
              departments: list(flags.departments),
              cohorts: list(flags.cohorts),
              partners: list(flags.partners),
            },
            email: typeof flags.email === 'string' ? flags.email : '',
          });
          if (identity) await linkIdentity(tx, { username: added.username, ...identity });
          return added;
        });
        out(`Added ${user.username} (${user.id}) with roles ${user.roles.join(', ')}.`);
        if (identity) out(`Signs in as ${identity.subject} at ${identity.issuer}.`);
        if (generated) out(`Password: ${password}`);
        return 0;
      }
      case 'list': {
        options(args, {});
        const users = await listUsers(db);
        if (!users.length) out('No users.');
        for (const user of users) {
          const scope = [user.scope.institution, ...user.scope.departments, ...user.scope.cohorts, ...user.scope.partners].join(' ');
          out(`${user.username}\t${user.name}\t${user.roles.join(',')}\t${scope}${user.disabled ? '\tDISABLED' : ''}`);
        }
        return 0;
      }
      case 'disable':
      case 'enable': {
        const flags = options(args, { username: { type: 'string' } });
        const user = await setUserDisabled(db, required(flags.username, 'username'), action === 'disable');
        out(action === 'disable' ? `Disabled ${user.username}: sessions ended, sync stops at next contact.` : `Enabled ${user.username}.`);
        return 0;
      }
      case 'link-oidc': {
        const flags = options(args, { username: { type: 'string' }, issuer: { type: 'string' }, subject: { type: 'string' } });
        const username = required(flags.username, 'username');
        const identity = oidcIdentity(required(flags.issuer, 'issuer'), required(flags.subject, 'subject'))!;
        await linkIdentity(db, { username, ...identity });
        out(`${username} signs in as ${identity.subject} at ${identity.issuer}.`);
        return 0;
      }
      case 'unlink-oidc': {
        const flags = options(args, { issuer: { type: 'string' }, subject: { type: 'string' } });
        const identity = oidcIdentity(required(flags.issuer, 'issuer'), required(flags.subject, 'subject'))!;
        out((await unlinkIdentity(db, identity)) ? `Unlinked ${identity.subject} at ${identity.issuer}.` : 'No such link.');
        return 0;
      }
      case 'grant-admin':
      case 'revoke-admin': {
        const flags = options(args, { username: { type: 'string' } });
        const username = required(flags.username, 'username');
        await setAccountAdmin(db, username, action === 'grant-admin');
        out(action === 'grant-admin' ? `${username} is an account administrator now.` : `${username} is no longer an account administrator.`);
        return 0;
      }
      default:
        throw new AppError('validation', `Unknown user action "${action ?? ''}"`);
    }
  },
};

/** An OpenID Connect identity given on the command line: both parts or neither; the issuer as the provider's ID tokens name it. */
function oidcIdentity(issuer: string | boolean | undefined, subject: string | boolean | undefined): { issuer: string; subject: string } | undefined {
  if (issuer === undefined && subject === undefined) return undefined;
  const parsed = z.object({ issuer: z.url({ protocol: /^https?$/ }), subject: z.string().min(1).max(255) }).safeParse({ issuer, subject });
  if (!parsed.success)
    throw new AppError('validation', 'Give an OpenID Connect identity as --issuer URL (or --oidc-issuer) and --subject (or --oidc-subject), both');
  return parsed.data;
}
