import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_STUDENT_ID } from '../../../dev/demo-data/demo-users';
import { dictionaries } from '../../../src-renderer/i18n/dictionary';
import { pdfText } from '../../integration/documents/tools';
import { mailHeader, pdfAttachment, startSmtpStandIn, type SmtpStandIn } from '../../stand-ins/smtp-server';
import { expectAccessible } from '../support/axe';
import { accounts, actorOf, DEMO_PASSWORD, serverDemoData, startCentralServer, type CentralServer } from '../sync/support/central-server';
import { expect, SYNC_SETTLE_MS, SYNC_TEST_TIMEOUT_MS, test as syncTest } from '../sync/support/sync-fixtures';
import { SignInPage } from '../sync/pages/session-pages';
import { StatusBar } from '../sync/pages/sync-pages';
import { FollowUpPages } from './follow-up-pages';

/** The central server of these tests e-mails letters through an SMTP stand-in on loopback. */
const test = syncTest.extend<{ mail: SmtpStandIn }>({
  // eslint-disable-next-line no-empty-pattern
  mail: async ({}, use) => {
    const mail = await startSmtpStandIn();
    await use(mail);
    await mail.close();
  },
  server: async ({ mail }, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'saksflyt-e2e-server-'));
    const server: CentralServer = await startCentralServer(dir, {
      smtp: { url: mail.url, from: 'Saksflyt <saksflyt@hifj.example>', pollMs: 200 },
    });
    await use(server);
    await server.close();
    await rm(dir, { recursive: true, force: true });
  },
});

test.describe.configure({ timeout: SYNC_TEST_TIMEOUT_MS });

const NOTE = 'Studenten har vært syk i tre uker og ber om hjelp til å lage en plan for arbeidskravene.';
const SECOND_NOTE = 'Vi avtalte et nytt møte etter påske.';

test('with the server down the coordinator opens a case and writes notes; back online everything syncs, and the summons is e-mailed', async ({
  laptop,
  server,
  mail,
}) => {
  const { page } = laptop;
  const followUp = new FollowUpPages(page);
  const { t } = followUp;
  const coordinator = actorOf('coordinator');
  const student = serverDemoData.people.find((person) => person.id === DEMO_STUDENT_ID);
  expect(student, 'the server’s demo data has the demo student').toBeDefined();

  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(accounts.coordinator.username, DEMO_PASSWORD);
  const status = new StatusBar(page);
  await expect(status.connection).toHaveText(status.text.phases.idle, { timeout: SYNC_SETTLE_MS });

  // The server goes away; the coordinator reports her own concern, which opens the case at once.
  laptop.expectFailedRequests(server.url);
  await server.stop();
  await page.getByRole('link', { name: dictionaries.nb.nav.followUp }).click();
  await expect(followUp.heading).toHaveText(t.queue.title);
  await expect(followUp.actingUser, 'signed in, the steps are taken as the signed-in user').toHaveCount(0);
  await page.getByRole('link', { name: t.queue.report }).click();
  await page.getByRole('textbox', { name: t.report.searchStudent, exact: true }).fill('Ingrid');
  await page.getByRole('combobox', { name: t.report.student, exact: true }).selectOption(DEMO_STUDENT_ID);
  await page.getByRole('combobox', { name: t.report.cohort }).selectOption('SYK-2025H');
  await page.getByRole('combobox', { name: t.report.course }).selectOption('SYK1001');
  await page.getByRole('checkbox', { name: t.concernKinds.missingParticipation }).check();
  await page.getByRole('textbox', { name: t.report.description, exact: true }).fill('Borte fra undervisningen i tre uker.');
  await page.getByRole('button', { name: t.report.open }).click();
  await followUp.expectStatus('open');
  const caseId = new URL(page.url()).hash.split('/').at(-1) ?? '';
  expect(caseId).toMatch(/^fu-/);

  // Notes written offline go into the local replica.
  const measure = { text: 'Lage plan for arbeidskravene sammen med faglærer.', owner: 'Ingrid Åsheim', due: '2027-01-15' };
  await followUp.writeNote(NOTE, measure);
  await followUp.writeNote(SECOND_NOTE);
  await expect(followUp.notes).toHaveCount(2);
  await expect(status.unsynced).toHaveText('3'); // the case and its two notes
  await expect(status.connection).toHaveText(status.text.phases.offline);
  await expectAccessible(page);
  expect(await server.storedCase(caseId)).toBeUndefined();

  // The server is back: the case and the notes reach it.
  await server.start();
  await status.syncNow.click();
  await expect(status.region).toContainText(status.text.syncOk, { timeout: SYNC_SETTLE_MS });
  await expect(status.unsynced).toHaveText('0');
  expect(await server.storedCase(caseId)).toMatchObject({
    status: 'open',
    subjectPersonId: DEMO_STUDENT_ID,
    createdBy: coordinator.userId,
    updatedBy: coordinator.userId,
    assignees: [coordinator.userId],
  });
  const notes = await server.storedNotes(caseId);
  expect(notes.map((note) => [note.text, note.authorId])).toEqual([
    [NOTE, coordinator.userId],
    [SECOND_NOTE, coordinator.userId],
  ]);
  expect(notes[0]?.agreedMeasure).toEqual({ text: measure.text, ownerName: measure.owner, due: measure.due });

  // Online, the summons letter goes through the main process's outbox to the server, which e-mails it.
  const summons = await followUp.openStep('summon');
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await summons.getByRole('textbox', { name: t.steps.meetingAt, exact: true }).fill(`${inAWeek}T10:00`);
  await summons.getByRole('textbox', { name: t.steps.place, exact: true }).fill('Rom A1-012, Campus Fjordheim');
  await summons.getByRole('textbox', { name: t.steps.reason, exact: true }).fill('Vi vil snakke om fraværet og arbeidskravene.');
  await followUp.submitStep('summon', summons);
  await expect(page.getByRole('status').filter({ hasText: t.outcome.letterQueued(t.documents.kinds.summons) })).toBeVisible();
  const row = followUp.documentRow('Innkalling til oppfølgingssamtale');
  await expect(row).toContainText(t.documents.entry(t.documents.targets.email, t.documents.emailStates.archived), { timeout: SYNC_SETTLE_MS });
  await expect.poll(() => mail.received.length, { timeout: SYNC_SETTLE_MS }).toBe(1);
  const [letter] = mail.received;
  expect(letter?.to).toEqual([student?.email]);
  const caseNumber = (await followUp.fact(t.casePage.caseNumber).textContent()) ?? '';
  expect(mailHeader(letter?.raw ?? '', 'Subject')).toBe(`Innkalling til oppfølgingssamtale (sak ${caseNumber})`);
  const attached = pdfAttachment(letter?.raw ?? '');
  expect((await pdfText(attached)).replace(/\s+/g, ' ')).toContain('Rom A1-012, Campus Fjordheim');
  await expect(status.region).toContainText(status.text.syncOk, { timeout: SYNC_SETTLE_MS });
  expect(await server.storedCase(caseId)).toMatchObject({ status: 'summoned' });
  await expectAccessible(page);
});
