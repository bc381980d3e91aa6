import { z } from 'zod';
import { AppError, summarizeZodError } from '../../src-shared/kernel/app-error';
import { deactivateNominators } from '../case-types/nomination/nominators/deactivate-nominators';
import { inviteNominator } from '../case-types/nomination/nominators/invite-nominator';
import { purgeNominators } from '../case-types/nomination/nominators/purge-nominators';
import { DEFAULT_PORT, nominatorOptions, readEnv } from '../config';
import { channelName } from '../db/database';
import { options, required, type AdminCommand } from './admin-command';

const inviteFlags = z.object({ email: z.email(), language: z.enum(['nb', 'en']) });

/**
 * `nominators invite|deactivate|purge`: partners' nominator accounts (issue 11). The link in an
 * invitation is on PUBLIC_URL (else this machine's server); deactivate and purge follow
 * NOMINATOR_IDLE_DAYS and NOMINATOR_RETENTION_DAYS; with --dry-run they only say what they would do.
 * One line per account.
 */
export const nominatorsCommand: AdminCommand = {
  usage:
    'nominators invite --partner P --name "N" --email E [--language nb|en]\n' +
    '  nominators deactivate [--dry-run] | nominators purge [--dry-run]   (NOMINATOR_IDLE_DAYS, NOMINATOR_RETENTION_DAYS)',
  async run([action, ...args], { db, out }) {
    const env = readEnv();
    const now = new Date();
    switch (action) {
      case 'invite': {
        const flags = options(args, { partner: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' }, language: { type: 'string' } });
        const parsed = inviteFlags.safeParse({ email: required(flags.email, 'email'), language: flags.language ?? 'nb' });
        if (!parsed.success) throw new AppError('validation', summarizeZodError(parsed.error));
        const account = await inviteNominator(db, {
          partnerId: required(flags.partner, 'partner'),
          name: required(flags.name, 'name'),
          ...parsed.data,
          invitedBy: 'admin',
          publicUrl: env.PUBLIC_URL ?? `http://127.0.0.1:${DEFAULT_PORT}`,
          now,
        });
        out(`Invited ${account.username} (${account.id}) for ${account.partners.join(', ')}: ${account.status}; the e-mail is in the outbox.`);
        return 0;
      }
      case 'deactivate': {
        const { 'dry-run': dryRun } = options(args, { 'dry-run': { type: 'boolean' } });
        const done = await deactivateNominators(db, { now, idleDays: nominatorOptions(env).idleDays, dryRun });
        if (!done.length) out('No nominator account to deactivate.');
        for (const { username, userId, reason } of done) out(`${dryRun ? 'Would deactivate' : 'Deactivated'} ${username} (${userId}): ${reason}`);
        return 0;
      }
      case 'purge': {
        const { 'dry-run': dryRun } = options(args, { 'dry-run': { type: 'boolean' } });
        const changesChannel = channelName('sync_changes', env.DATABASE_SCHEMA);
        const done = await purgeNominators(db, { now, retentionDays: nominatorOptions(env).retentionDays, dryRun, changesChannel });
        if (!done.length) out('No nominator account to purge.');
        for (const { username, userId, pseudonym, cases } of done) {
          out(`${dryRun ? 'Would purge' : 'Purged'} ${username} (${userId}) → "${pseudonym}", ${cases} nomination case${cases === 1 ? '' : 's'}`);
        }
        return 0;
      }
      default:
        throw new AppError('validation', `Unknown nominators action "${action ?? ''}"`);
    }
  },
};
