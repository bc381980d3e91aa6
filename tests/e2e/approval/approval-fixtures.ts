import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resultsFetchAdapter } from '../../../src-server/case-types/approval/result-exchange/results-fetch.job';
import { startResultSourcesStandIn, type ResultSourcesStandIn } from '../../stand-ins/result-sources-server';
import { startSmtpStandIn, type SmtpStandIn } from '../../stand-ins/smtp-server';
import { startCentralServer, type CentralServer } from '../sync/support/central-server';
import { test as syncTest } from '../sync/support/sync-fixtures';

/** The institution whose source is down in these tests (connection refused). */
export const DOWN = '185';

/**
 * The approval screens' tests run against the real central server, whose job fetches results from
 * the institutions' stand-in (what RESULT_SOURCES_URL points a server at) and which e-mails the
 * student's notices through an SMTP stand-in.
 */
export const test = syncTest.extend<{ sources: ResultSourcesStandIn; mail: SmtpStandIn }>({
  // eslint-disable-next-line no-empty-pattern
  sources: async ({}, use) => {
    const sources = await startResultSourcesStandIn();
    sources.configure(DOWN, { down: 'refused' });
    await use(sources);
    await sources.close();
  },
  // eslint-disable-next-line no-empty-pattern
  mail: async ({}, use) => {
    const mail = await startSmtpStandIn();
    await use(mail);
    await mail.close();
  },
  server: async ({ sources, mail }, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'saksflyt-e2e-server-'));
    const server: CentralServer = await startCentralServer(dir, {
      // The one source that is down refuses at once; the others must not count as down because a loaded CI machine answers slowly.
      jobs: { pollMs: 200, adapters: { fs: resultsFetchAdapter({ directoryUrl: sources.url, timeoutMs: 15_000 }) } },
      smtp: { url: mail.url, from: 'Saksflyt <saksflyt@hifj.example>', pollMs: 200 },
    });
    await use(server);
    await server.close();
    await rm(dir, { recursive: true, force: true });
  },
});
