import { AppError } from '../../src-shared/kernel/app-error';
import { sealAudit, verifyAudit } from '../audit/audit-log';
import type { AdminCommand } from './admin-command';

/** `audit verify`: exit code 0 when the hash chain is intact, 1 with the first broken entry. */
export const auditCommand: AdminCommand = {
  usage: 'audit verify',
  async run([action], { db, out }) {
    if (action !== 'verify') throw new AppError('validation', `Unknown audit action "${action ?? ''}"`);
    // Entries committed but not chained yet (the server seals every few hundred ms) are chained first.
    await sealAudit(db);
    const result = await verifyAudit(db);
    if (result.ok) {
      out(`Audit log intact: ${result.entries} entries verified.`);
      return 0;
    }
    out(`Audit log BROKEN at entry ${result.brokenAt}: ${result.message} (${result.entries} entries checked)`);
    return 1;
  },
};
