import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { roles, type Role } from '../../src-shared/domain/access';
import { AppError } from '../../src-shared/kernel/app-error';
import { addUser, listUsers, setUserDisabled } from '../auth/accounts';
import { list, options, required, type AdminCommand } from './admin-command';

const roleList = z.array(z.enum(roles)).min(1, `Give at least one of --roles ${roles.join(',')}`);

/** `user add|list|disable|enable`. */
export const userCommand: AdminCommand = {
  usage:
    'user add --username U --name "N" --roles r1,r2 --institution I [--departments d1,d2] [--cohorts c1] [--partners p1] [--email E] [--password P]\n' +
    '  user list | user disable --username U | user enable --username U',
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
        });
        const parsedRoles = roleList.safeParse(list(flags.roles));
        if (!parsedRoles.success) throw new AppError('validation', parsedRoles.error.issues.map((issue) => issue.message).join('; '));
        const password = typeof flags.password === 'string' ? flags.password : randomBytes(12).toString('base64url');
        const user = await addUser(db, {
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
        out(`Added ${user.username} (${user.id}) with roles ${user.roles.join(', ')}.`);
        if (typeof flags.password !== 'string') out(`Password: ${password}`);
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
      default:
        throw new AppError('validation', `Unknown user action "${action ?? ''}"`);
    }
  },
};
