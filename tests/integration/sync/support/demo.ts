import { DEMO_NOW, generateDemoData, type DemoData } from '../../../../dev/demo-data';
import type { Database } from '../../../../src-server/db/database';
import { importDemoData as importData } from '../../../../dev/server/import-demo-data';

/** Stores the shared demo data set on the server, as `npm run admin -- demo-data` does. */
export async function importDemoData(db: Database, caseCount: number, seed = 7): Promise<DemoData> {
  const data = generateDemoData({ caseCount, seed, now: new Date(DEMO_NOW) });
  await importData(db, data);
  return data;
}
