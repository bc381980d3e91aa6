import { DEMO_NOW, generateDemoData, type DemoData, type DemoUser } from '../../../../dev/demo-data';
import type { ApprovalCase } from '../../../../src-shared/domain/approval';
import type { Database } from '../../../../src-server/db/database';
import type { TestServer } from './test-server';
import { importDemoData as importData } from '../../../../dev/server/import-demo-data';

/** Stores the shared demo data set on the server, as `npm run admin -- demo-data` does. */
export async function importDemoData(db: Database, caseCount: number, seed = 7): Promise<DemoData> {
  const data = generateDemoData({ caseCount, seed, now: new Date(DEMO_NOW) });
  await importData(db, data);
  return data;
}

/** A demo user's account on the test server (username = user id, the test password), as `demo-data` adds it. */
export async function addDemoAccount(server: TestServer, user: DemoUser) {
  return server.addUser({ id: user.userId, username: user.userId, name: user.name, roles: user.roles, scope: user.scope, email: user.email });
}

/** A demo approval case being processed whose student has consented to result exchange (RESUTVEKSL = J). */
export function consentingApprovalCase(data: DemoData): ApprovalCase {
  const found = data.cases.find((c) => c.type === 'approval' && c.status === 'processing' && (c as ApprovalCase).details.consent?.answer === 'J');
  if (!found) throw new Error('The demo data has no consenting approval case in processing');
  return found as ApprovalCase;
}
