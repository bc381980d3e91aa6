import { AppError } from '../../src-shared/kernel/app-error';
import { demoUsers, generateDemoData } from '../demo-data';
import { AuditAnchor } from '../../src-server/audit/audit-anchor';
import { sealAudit } from '../../src-server/audit/audit-sealer';
import { addUser, findUser } from '../../src-server/auth/accounts';
import { auditAnchorFile, readEnv } from '../../src-server/config';
import { channelName } from '../../src-server/db/database';
import { importDemoData } from './import-demo-data';
import { options, type AdminCommand } from '../../src-server/admin/admin-command';

/** Password of every demo account (demo data only; never on a real server). */
export const DEMO_PASSWORD = 'saksflyt-demo';

/** `demo-data --cases N [--seed S]`: the shared demo generator's cases, people, notes, tasks, documents and accounts. */
export const demoDataCommand: AdminCommand = {
  usage: 'demo-data --cases N [--seed S]',
  async run(args, { db, out }) {
    const flags = options(args, { cases: { type: 'string' }, seed: { type: 'string' } });
    const caseCount = Number(flags.cases ?? 200);
    const seed = flags.seed === undefined ? 1 : Number(flags.seed);
    if (!Number.isInteger(caseCount) || !Number.isInteger(seed)) throw new AppError('validation', '--cases and --seed must be whole numbers');
    const data = generateDemoData({ caseCount, seed, now: new Date() });
    const channel = channelName('sync_changes', undefined);
    const counts = await importDemoData(db, data, { actorId: null, action: 'demo-data', channel });
    for (const [name, count] of Object.entries(counts)) out(`${name}: ${count}`);
    let accounts = 0;
    for (const user of demoUsers()) {
      if (await findUser(db, { id: user.userId })) continue;
      await addUser(db, {
        id: user.userId,
        username: user.userId,
        name: user.name,
        password: DEMO_PASSWORD,
        roles: user.roles,
        scope: user.scope,
        email: user.email,
      });
      accounts++;
    }
    // The import's audit entries are sealed (and anchored) now, not at the next server start.
    await sealAudit(db, AuditAnchor.open(auditAnchorFile(readEnv())));
    out(`Demo accounts added: ${accounts} (username = user id, e.g. u-kullkoord-helse; password "${DEMO_PASSWORD}").`);
    return 0;
  },
};
