/**
 * nomination.ewp-import-1000.seconds: 1,000 mobilities served by the stand-in EWP partner over
 * HTTP (index, then get in files of 100), each file validated against the official XSD, mapped and
 * stored as nomination drafts in an empty table. PostgreSQL when DATABASE_URL is set (a schema of
 * its own, dropped after), else PGlite on disk; the engine is in the unit. Goal ≤ 5.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emit } from '../../scripts/bench';
import { importEwpMobilities } from '../../src-server/case-types/nomination/ewp/import-ewp-mobilities';
import { openDatabase } from '../../src-server/db/database';
import { migrate } from '../../src-server/db/migrate';
import { dropTestSchema, testDatabaseOptions } from '../../tests/integration/sync/support/test-server';
import { generateMobilities, OUR_HEI, startEwpPartnerStandIn } from '../../tests/stand-ins/ewp-partner-server';

const MOBILITIES = 1000;
const FILE_SIZE = 100;

export async function benchEwpImport(emit: Emit): Promise<void> {
  const dbOptions = testDatabaseOptions();
  const dataDir = dbOptions.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'saksflyt-bench-ewp-'));
  const db = await openDatabase({ ...dbOptions, dataDir });
  const partner = await startEwpPartnerStandIn({ mobilities: generateMobilities(MOBILITIES), maxOmobilityIds: FILE_SIZE });
  try {
    await migrate(db);
    const started = performance.now();
    const result = await importEwpMobilities({
      db,
      partnerUrl: partner.url,
      sendingHeiId: partner.sendingHeiId,
      receivingHeiId: OUR_HEI,
      maxOmobilityIds: FILE_SIZE,
    });
    const seconds = (performance.now() - started) / 1000;
    if (result.created !== MOBILITIES || result.refused.length)
      throw new Error(`unexpected import: ${JSON.stringify({ ...result, refused: result.refused.slice(0, 3) })}`);
    emit('nomination.ewp-import-1000.seconds', seconds, `s (${db.engine}, ${MOBILITIES / FILE_SIZE} files of ${FILE_SIZE})`);
  } finally {
    await partner.close();
    await db.close();
    await dropTestSchema(dbOptions);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
