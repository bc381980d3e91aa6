import { AppError } from '../../src-shared/kernel/app-error';
import { findUser, listDevices, revokeDevice } from '../auth/accounts';
import { options, required, type AdminCommand } from './admin-command';

/** `device list|revoke`. */
export const deviceCommand: AdminCommand = {
  usage: 'device list [--username U] | device revoke --id DEVICE_ID',
  async run([action, ...args], { db, out }) {
    switch (action) {
      case 'list': {
        const flags = options(args, { username: { type: 'string' } });
        const user = typeof flags.username === 'string' ? await findUser(db, { username: flags.username }) : undefined;
        if (typeof flags.username === 'string' && !user) throw new AppError('not-found', `No user ${flags.username}`);
        const devices = await listDevices(db, user?.id);
        if (!devices.length) out('No devices.');
        for (const device of devices) {
          out(
            `${device.id}\t${device.userId}\t${device.name}\tlast seen ${device.lastSeenAt ?? 'never'}${device.revokedAt ? `\tREVOKED ${device.revokedAt}` : ''}`,
          );
        }
        return 0;
      }
      case 'revoke': {
        const flags = options(args, { id: { type: 'string' } });
        const device = await revokeDevice(db, required(flags.id, 'id'));
        out(`Revoked device ${device.id}: its sessions end now and the app wipes its local data at next contact.`);
        return 0;
      }
      default:
        throw new AppError('validation', `Unknown device action "${action ?? ''}"`);
    }
  },
};
