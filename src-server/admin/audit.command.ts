import { existsSync } from 'node:fs';
import { AppError } from '../../src-shared/kernel/app-error';
import { anchorKeyFiles, readPublicKey } from '../audit/anchor-key';
import { DEFAULT_UNSEALED_GRACE_SECONDS, verifyAudit, type AuditFinding, type VerifyOptions } from '../audit/audit-verify';
import { auditAnchorFile, readEnv } from '../config';
import { options, type AdminCommand } from './admin-command';

/**
 * `audit verify`: exit code 0 when the log is intact, 1 with every finding. It never seals: an
 * entry still unsealed after the grace period is a finding. The anchor is AUDIT_ANCHOR_FILE (or the
 * server's default, when it exists); its public key the one next to it, unless given.
 */
function anchorOption(flags: { anchor?: string | boolean; 'public-key'?: string | boolean }): VerifyOptions['anchor'] {
  const env = readEnv();
  const explicit = typeof flags.anchor === 'string' ? flags.anchor : env.AUDIT_ANCHOR_FILE;
  const file = explicit ?? auditAnchorFile(env);
  if (!existsSync(file)) {
    if (explicit) throw new AppError('not-found', `No audit anchor at ${file}`);
    return undefined;
  }
  const keyFile = typeof flags['public-key'] === 'string' ? flags['public-key'] : anchorKeyFiles(file).publicKey;
  return { file, publicKey: readPublicKey(keyFile) };
}

const place = (at: AuditFinding['brokenAt']) => (at === 'end' ? 'the end of the chain' : at === 'anchor' ? 'the anchor' : `entry ${at}`);

export const auditCommand: AdminCommand = {
  usage: 'audit verify [--anchor FILE] [--public-key FILE] [--unsealed-grace SECONDS]',
  async run([action, ...args], { db, out }) {
    if (action !== 'verify') throw new AppError('validation', `Unknown audit action "${action ?? ''}"`);
    const flags = options(args, { anchor: { type: 'string' }, 'public-key': { type: 'string' }, 'unsealed-grace': { type: 'string' } });
    const grace = Number(flags['unsealed-grace'] ?? DEFAULT_UNSEALED_GRACE_SECONDS);
    if (!Number.isFinite(grace) || grace < 0) throw new AppError('validation', '--unsealed-grace must be a number of seconds');
    const anchor = anchorOption(flags);
    const result = await verifyAudit(db, { anchor, unsealedGraceSeconds: grace });
    if (result.ok) {
      out(`Audit log intact: ${result.entries} entries verified${anchor ? `, up to the head signed in ${anchor.file}` : ''}.`);
      return 0;
    }
    out(`Audit log BROKEN at ${place(result.brokenAt)}: ${result.message} (${result.entries} entries checked)`);
    for (const finding of result.findings.slice(1)) out(`Also at ${place(finding.brokenAt)}: ${finding.message}`);
    return 1;
  },
};
