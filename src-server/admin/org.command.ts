import { validateOrgRows } from '../../src-shared/domain/organisation/org-import-rows';
import { orgUnitKinds } from '../../src-shared/domain/organisation/org-unit.schema';
import { AppError } from '../../src-shared/kernel/app-error';
import { channelName } from '../db/database';
import { readOrgFile } from '../organisation/org-file';
import { storedOrganisation } from '../organisation/org-store';
import { importAllOrNothing } from '../sync/import-documents';
import { defaultSyncCollections } from '../sync/sync-collections';
import { options, type AdminCommand } from './admin-command';

/**
 * `org import FILE [--dry-run]`: loads institutions, departments, cohorts, courses, partners,
 * agreements, sites and site units from a JSON or CSV file. All or nothing: a file with any bad row
 * stores nothing and lists every bad row. Laptops receive the units at their next sync.
 */
export const orgCommand: AdminCommand = {
  usage: 'org import FILE [--dry-run]',
  async run(args, { db, out }) {
    const [action, path, ...rest] = args;
    if (action !== 'import' || !path || path.startsWith('--')) throw new AppError('validation', 'Usage: org import FILE [--dry-run]');
    const flags = options(rest, { 'dry-run': { type: 'boolean' } });
    const rows = await readOrgFile(path);
    const result = validateOrgRows(rows, await storedOrganisation(db), new Date().toISOString());
    if (!result.ok) {
      out(`${path}: ${result.problems.length} row(s) refused; nothing was imported.`);
      for (const problem of result.problems) out(`  row ${problem.row}: ${problem.message}`);
      return 1;
    }
    const counts = orgUnitKinds.map((kind) => [kind, result.units.filter((unit) => unit.kind === kind).length] as const).filter(([, n]) => n > 0);
    const summary = counts.map(([kind, n]) => `${kind}: ${n}`).join(', ');
    if (flags['dry-run']) {
      out(`${path}: ${result.units.length} unit(s) valid (${summary}); dry run, nothing imported.`);
      return 0;
    }
    const collection = defaultSyncCollections().find((candidate) => candidate.name === 'organisation')!;
    await importAllOrNothing(db, collection, result.units, { actorId: null, action: 'org-import', channel: channelName('sync_changes', undefined) });
    out(`${path}: ${result.units.length} unit(s) imported (${summary}).`);
    return 0;
  },
};
