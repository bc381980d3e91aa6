import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSmtpStandIn, type SmtpStandIn } from '../../../stand-ins/smtp-server';
import { startCentralServer } from './central-server';
import { test as syncTest } from './sync-fixtures';

/** The sync fixtures with a real SMTP server the central server sends its e-mail to (the walk-throughs). */
export const test = syncTest.extend<{ smtp: SmtpStandIn }>({
  // eslint-disable-next-line no-empty-pattern
  smtp: async ({}, use) => {
    const smtp = await startSmtpStandIn();
    await use(smtp);
    await smtp.close();
  },
  server: async ({ smtp }, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'saksflyt-e2e-mail-'));
    const server = await startCentralServer(dir, { smtp: { url: smtp.url, from: 'Saksflyt <saksflyt@hvl.example.no>', pollMs: 50 } });
    await use(server);
    await server.close();
    await rm(dir, { recursive: true, force: true });
  },
});
