/**
 * `npm run admin -- <command> …` for operators. DATA_DIR / DATABASE_URL select the database as for
 * `npm run server`. Each command lives in src-server/admin; add one with a line in `commands`.
 * `demo --out DIR`, `exchange fetch …` and `placement solve …` need no database: the first runs the
 * desktop's documents pipeline, the second a result fetch (against the stand-in sources unless
 * --sources is given), the third the placement distribution solver.
 */
import { AppError } from '../src-shared/kernel/app-error';
import type { AdminCommand } from '../src-server/admin/admin-command';
import { auditCommand } from '../src-server/admin/audit.command';
import { demoDataCommand } from '../dev/server/demo-data.command';
import { deviceCommand } from '../src-server/admin/device.command';
import { EWP_USAGE, runEwpCommand } from '../src-server/admin/ewp.command';
import { EXCHANGE_USAGE, runExchangeCommand } from '../src-server/admin/exchange.command';
import { openAdminDatabase } from '../src-server/admin/open-admin-database';
import { nominatorsCommand } from '../src-server/admin/nominators.command';
import { orgCommand } from '../src-server/admin/org.command';
import { PLACEMENT_USAGE, runPlacementCommand } from '../src-server/admin/placement.command';
import { userCommand } from '../src-server/admin/user.command';
import { demoCommand } from '../src-main/cli/demo';
import { startResultSourcesStandIn } from '../tests/stand-ins/result-sources-server';

const commands: Record<string, AdminCommand> = {
  user: userCommand,
  device: deviceCommand,
  audit: auditCommand,
  'demo-data': demoDataCommand,
  org: orgCommand,
  nominators: nominatorsCommand,
};

function usage(): string {
  const lines = Object.values(commands).map((command) => `  ${command.usage}`);
  return [
    'Usage: npm run admin -- <command>',
    ...lines,
    `  ${EXCHANGE_USAGE}`,
    ...EWP_USAGE.map((line) => `  ${line}`),
    `  ${PLACEMENT_USAGE}`,
    '  demo --out DIR',
    '  course demo --out DIR [--participants N]',
  ].join('\n');
}

const [name, ...args] = process.argv.slice(2);
if (name === 'demo') process.exit(await demoCommand(args));
if (name === 'course') process.exit(await (await import('../src-main/cli/course-demo')).courseCommand(args));
if (name === 'ewp') {
  const io = { out: (line: string) => console.log(line), err: (line: string) => console.error(line), openDatabase: () => openAdminDatabase() };
  process.exit(await runEwpCommand(args, io));
}
if (name === 'placement') process.exit(await runPlacementCommand(args, { out: (line) => console.log(line), err: (line) => console.error(line) }));
const command = name ? commands[name] : undefined;
if (!command && name !== 'exchange') {
  console.error(usage());
  process.exit(2);
}

let exitCode: number;
try {
  if (command) {
    const { db, close } = await openAdminDatabase();
    try {
      exitCode = await command.run(args, { db, out: (line) => console.log(line) });
    } finally {
      await close();
    }
  } else {
    exitCode = await runExchangeCommand(args, { out: (line) => console.log(line), startLocalSources: () => startResultSourcesStandIn() });
  }
} catch (error) {
  const appError = AppError.from(error);
  console.error(appError.kind === 'validation' ? `${appError.message}\n\n${usage()}` : appError.message);
  exitCode = appError.kind === 'validation' ? 2 : 1;
}
process.exit(exitCode);
