import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openLindenhofOffer } from '../../../dev/testing/offer-fixture';
import { inviteNominator } from '../../../src-server/case-types/nomination/nominators/invite-nominator';
import { importAllOrNothing } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import { dateOf } from '../../../src-shared/domain/calendar/iso-date';
import type { NominationDetails } from '../../../src-shared/domain/nomination/nomination.schema';
import { nb } from '../../../src-portal/i18n/nb';
import { mailText, startSmtpStandIn, type SmtpStandIn } from '../../stand-ins/smtp-server';
import { expectAccessible } from '../support/axe';
import { accounts, DEMO_PASSWORD, serverDemoData, startCentralServer, type CentralServer } from '../sync/support/central-server';
import { savePersonalData } from './applicant-page';

/**
 * An applicant in the portal, in Chromium against the real central server and a real SMTP server:
 * nominated by the partner, they open the link from the invitation e-mail, sign in with their
 * address, complete their personal data, add a second offer and rank it first, and submit; every
 * page axe clean. The case on the server has the choices in that order. The nominator then
 * withdraws it in "Mine nominasjoner". And the portal's other invitation page: a new nominator
 * sets up their account and signs in.
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let server: CentralServer;
let smtp: SmtpStandIn;
let dataDir: string;
const today = dateOf(new Date());
const email = 'paula.applicant@student.lindenhof.example.de';
const base = serverDemoData.offers.find((offer) => offer.partnerId === 'partner-lindenhof')!;
/** Two offers of the demo partner in one term, open for applications (the demo's own deadlines have passed). */
const offers = [
  { id: 'offer-e2e-a', code: 'UTV-E2E-27V', name: { nb: 'Utveksling sykepleie, vår 2027', en: 'Exchange in nursing, spring 2027' } },
  { id: 'offer-e2e-b', code: 'BIP-E2E-27', name: { nb: 'Intensivkurs i digital helse', en: 'Blended intensive in digital health' } },
].map((offer) =>
  openLindenhofOffer({ ...offer, institution: base.institution, department: base.department, agreementId: base.agreementId, capacity: 1 }, {}, today),
);

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'saksflyt-portal-applicant-e2e-'));
  smtp = await startSmtpStandIn();
  server = await startCentralServer(dataDir, { smtp: { url: smtp.url, from: 'Saksflyt <saksflyt@hvl.example.no>', pollMs: 50 } });
  const collection = defaultSyncCollections().find((candidate) => candidate.name === 'offers')!;
  await importAllOrNothing(server.db, collection, offers as unknown as Record<string, unknown>[], { actorId: null, action: 'offer-import' });
});
test.afterAll(async () => {
  await server?.close();
  await smtp?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The partner's nominator nominates Paula through the portal's API; the invitation e-mail's link. */
async function invitationLink(): Promise<string> {
  const login = await fetch(`${server.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: accounts.nominator.username, password: DEMO_PASSWORD, deviceName: 'e2e' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const draft = {
    givenName: 'Paula',
    familyName: 'Kowalska',
    email,
    birthDate: '2002-04-12',
    citizenship: 'PL',
    offerCode: offers[0]!.code,
    term: '2027V',
    choices: [],
  };
  const nominated = await fetch(`${server.url}/portal/api/nominations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ draft }),
  });
  expect(nominated.status, await nominated.clone().text()).toBe(200);
  await expect.poll(() => smtp.received.filter((mail) => mail.to.includes(email)).length, { timeout: 15_000 }).toBe(1);
  const link = /https?:\/\/\S+\/portal\/#\/soknad\/[A-Za-z0-9_-]+/.exec(mailText(smtp.received.find((mail) => mail.to.includes(email))!.raw))?.[0];
  expect(link).toBeDefined();
  return link!;
}

test('an applicant opens the invitation, completes the application, ranks the choices and submits', async ({ page }) => {
  await page.goto(await invitationLink());
  await expect(page.getByRole('heading', { level: 1, name: nb.applicantSignIn.title })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel(nb.invitation.email, { exact: true }).fill('someone.else@example.com');
  await page.getByRole('button', { name: nb.applicantSignIn.submit }).click();
  await expect(page.getByRole('alert')).toHaveText(nb.invitation.refused['invitation-wrong-email']);
  await page.getByLabel(nb.invitation.email, { exact: true }).fill(email);
  await page.getByRole('button', { name: nb.applicantSignIn.submit }).click();

  await expect(page.getByRole('heading', { level: 1, name: nb.application.title })).toBeVisible();
  await expect(page.getByTestId('application-status')).toHaveText('Nominert');
  await expectAccessible(page);

  // The birth date the nominator gave is filled in already.
  await expect(page.getByLabel(nb.application.personal.birthDate)).toHaveValue('2002-04-12');
  await savePersonalData(page, {
    givenName: 'Paula',
    familyName: 'Kowalska',
    phone: '+48 22 1234567',
    street: 'ul. Długa 5',
    postalCode: '00-238',
    city: 'Warszawa',
    country: 'PL',
    homeInstitution: 'Hochschule Lindenhof',
  });

  const c = nb.application.choices;
  const second = `${offers[1]!.name.nb} (${offers[1]!.code})`;
  await page.getByLabel(c.add).selectOption(offers[1]!.code);
  await page.getByRole('button', { name: c.addButton }).click();
  await page.getByRole('button', { name: c.up(second) }).click();
  await expect(page.getByText(c.moved(second, 1))).toBeAttached();
  await expect(page.getByTestId('choices').locator('li span')).toHaveText([second, `${offers[0]!.name.nb} (${offers[0]!.code})`]);
  await expectAccessible(page);

  await page.getByRole('button', { name: nb.application.submit.button }).click();
  await expect(page.getByText(nb.application.submit.done)).toBeVisible();
  await expect(page.getByTestId('application-status')).toHaveText('Søknad levert');
  await expect(page.getByText('+48 22 1234567')).toBeVisible();
  await expectAccessible(page);

  const [row] = await server.db.query<{ doc: string }>(`SELECT doc FROM sync_documents WHERE collection = 'cases' AND doc::json->>'title' LIKE '%Paula%'`);
  const details = (JSON.parse(row!.doc) as { details: NominationDetails }).details;
  expect(details.application?.choices.map((choice) => choice.code)).toEqual([offers[1]!.code, offers[0]!.code]);
  expect(details.personalData).toMatchObject({ phone: '+48 22 1234567', homeInstitution: 'Hochschule Lindenhof' });
});

test('the nominator withdraws the application with a reason; the applicant hears it', async ({ page }) => {
  await page.goto(`${server.url}/portal/`);
  await page.getByLabel(nb.signIn.username).fill(accounts.nominator.username);
  await page.getByLabel(nb.signIn.password).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: nb.signIn.submit }).click();
  await expect(page.getByRole('heading', { level: 1, name: nb.nominations.title })).toBeVisible();

  await page.getByRole('button', { name: nb.nominationWithdraw.button('Paula Kowalska') }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: nb.nominationWithdraw.title('Paula Kowalska') })).toBeVisible();
  await dialog.getByRole('button', { name: nb.application.withdraw.confirm }).click();
  await expect(dialog.getByText(nb.application.withdraw.required)).toBeVisible();
  await expectAccessible(page);
  await dialog.getByLabel(nb.application.withdraw.reason).fill('Studenten har fått plass et annet sted');
  await dialog.getByRole('button', { name: nb.application.withdraw.confirm }).click();
  await expect(page.getByText(/er trukket\.$/)).toBeVisible();
  await expect(page.getByRole('button', { name: nb.nominationWithdraw.button('Paula Kowalska') })).toHaveCount(0);
  await expectAccessible(page);

  const [row] = await server.db.query<{ doc: string }>(`SELECT doc FROM sync_documents WHERE collection = 'cases' AND doc::json->>'title' LIKE '%Paula%'`);
  const stored = JSON.parse(row!.doc) as { status: string; details: NominationDetails };
  expect(stored.status).toBe('withdrawn');
  expect(stored.details.outcome).toMatchObject({ withdrawnBy: 'nominator', reason: 'Studenten har fått plass et annet sted' });
  await expect.poll(() => smtp.received.filter((mail) => mail.to.includes(email)).length, { timeout: 15_000 }).toBe(2);
});

test('a new nominator accepts the account invitation (a weak password refused), then signs in with the username shown', async ({ page }) => {
  const address = 'nora.nominator@lindenhof.example.de';
  await inviteNominator(server.db, {
    partnerId: 'partner-lindenhof',
    name: 'Nora Nominator',
    email: address,
    language: 'nb',
    invitedBy: 'admin',
    publicUrl: server.url,
    now: new Date(),
  });
  await expect.poll(() => smtp.received.filter((mail) => mail.to.includes(address)).length, { timeout: 15_000 }).toBe(1);
  const link = /https?:\/\/\S+\/portal\/#\/invitasjon\/[A-Za-z0-9_-]+/.exec(mailText(smtp.received.find((mail) => mail.to.includes(address))!.raw))?.[0];
  expect(link).toBeDefined();

  await page.goto(link!);
  await expect(page.getByRole('heading', { level: 1, name: nb.nominatorInvitation.title })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(nb.invitation.email).fill(address);
  await page.getByLabel(nb.nominatorInvitation.password).fill('aaaaaaaaaaaa');
  await page.getByRole('button', { name: nb.nominatorInvitation.submit }).click();
  await expect(page.getByRole('alert')).toHaveText(nb.invitation.refused['weak-password']);
  await expectAccessible(page);

  const password = 'Fjellbekk over Lindenhof 2027';
  await page.getByLabel(nb.nominatorInvitation.password).fill(password);
  await page.getByRole('button', { name: nb.nominatorInvitation.submit }).click();
  await expect(page.getByText(nb.nominatorInvitation.done(address))).toBeVisible();
  await page.getByRole('link', { name: nb.nominatorInvitation.signIn }).click();
  await expect(page.getByLabel(nb.signIn.username)).toHaveValue(address);
  await page.getByLabel(nb.signIn.password).fill(password);
  await page.getByRole('button', { name: nb.signIn.submit }).click();
  await expect(page.getByRole('heading', { level: 1, name: nb.nominations.title })).toBeVisible();
});
