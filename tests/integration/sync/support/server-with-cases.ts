import type { Session } from '../../../../src-server/auth/sessions';
import { importDocuments } from '../../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../../src-server/sync/sync-collections';
import { followUpCase, scope } from './fixtures';
import { startTestServer, type TestServer } from './test-server';

/** A test server holding `count` follow-up cases of one cohort, and the session of its coordinator ('kari'). */
export async function serverWithCases(count: number): Promise<{ server: TestServer; session: Session }> {
  const server = await startTestServer();
  const coordinator = await server.addUser({ username: 'kari', roles: ['cohortCoordinator'], scope: scope({ cohorts: ['spl-2025'] }) });
  const cases = Array.from({ length: count }, (_, n) => followUpCase(coordinator.userId, { caseNumber: `2026/${String(n).padStart(5, '0')}` }));
  const collection = defaultSyncCollections().find((candidate) => candidate.name === 'cases')!;
  await importDocuments(server.db, collection, cases, { actorId: null, action: 'test' });
  return { server, session: await server.login('kari') };
}
