import type { Browser, Page } from '@playwright/test';
import { demoUsers } from '../../../dev/demo-data';
import { openLindenhofOffer } from '../../../dev/testing/offer-fixture';
import { importAllOrNothing } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import { nominationCasePath } from '../../../src-renderer/features/nomination/nomination-path';
import { nominationTexts } from '../../../src-renderer/features/nomination/nomination-text';
import { nb as desktop } from '../../../src-renderer/i18n/nb';
import { nb as portal } from '../../../src-portal/i18n/nb';
import { addDays, dateOf } from '../../../src-shared/domain/calendar/iso-date';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { nominationStatusLabels } from '../../../src-shared/domain/nomination';
import { generateMobilities } from '../../stand-ins/ewp-partner-server';
import { mailText, type SmtpStandIn } from '../../stand-ins/smtp-server';
import { expectAccessible } from '../support/axe';
import { accounts, DEMO_PASSWORD, serverDemoData, type CentralServer } from '../sync/support/central-server';
import { signedIn } from '../sync/support/sign-in';
import { expect, SYNC_SETTLE_MS } from '../sync/support/sync-fixtures';
import { test } from '../sync/support/mail-fixtures';
import { importFromEwpPartner } from './ewp-partner';
import { savePersonalData } from '../portal/applicant-page';

/**
 * Issue 11's walk-through of nomination admission, in Chromium against the real central server,
 * a real SMTP server and the EWP partner stand-in: nominations arrive by the portal form, by CSV
 * (a file with one bad row refused first) and by EWP; three applicants complete and submit in the
 * portal; the case officer's laptop assesses, qualifies and ranks a ranked pro forma admission with
 * fewer places than applicants, makes the offers and marks the one not reached; one applicant
 * accepts, one declines, and applicant and nominator get each outcome by e-mail; the nominator
 * withdraws the fourth, and the officer's open case page shows it withdrawn. Every page axe clean.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const t = nominationTexts.nb;
const bulkText = desktop.overview.bulk;
const today = dateOf(new Date());
const PARTNER = 'partner-lindenhof';
const nominatorEmail = demoUsers().find((user) => user.userId === accounts.nominator.userId)!.email!;
const base = serverDemoData.offers.find((offer) => offer.partnerId === PARTNER)!;

/** Two offers of Lindenhof in one term, open for applications, ranked by grade average; the first has 2 places for 3 applicants. */
const offers = [
  { id: 'offer-walk-a', code: 'UTV-WALK-27V', name: { nb: 'Utveksling sykepleie, vår 2027', en: 'Exchange in nursing, spring 2027' }, capacity: 2 },
  { id: 'offer-walk-b', code: 'BIP-WALK-27', name: { nb: 'Intensivkurs i velferdsteknologi', en: 'Blended intensive in welfare technology' }, capacity: 1 },
].map((offer) =>
  openLindenhofOffer(
    { ...offer, institution: base.institution, department: base.department, agreementId: base.agreementId },
    { proFormaMode: 'ranked', ranking: { criteria: [{ kind: 'gradeAverage', weight: 1, prefer: 'higher', whenMissing: 'rankAfter' }] } },
    today,
  ),
);
const [first, second] = offers as [(typeof offers)[0], (typeof offers)[0]];
const label = (offer: typeof first) => `${offer.name.nb} (${offer.code})`;

const [mobility] = generateMobilities(1);
interface Applicant {
  given: string;
  family: string;
  email: string;
  grade: string;
}
const A: Applicant = { given: 'Anke', family: 'Arnold', email: 'anke.arnold@student.lindenhof.example.de', grade: '91' };
const B: Applicant = { given: 'Bernd', family: 'Brandt', email: 'bernd.brandt@student.lindenhof.example.de', grade: '84' };
const C: Applicant = { given: mobility!.student.givenNames, family: mobility!.student.familyName, email: mobility!.student.email!, grade: '72' };
const D: Applicant = { given: 'Dora', family: 'Dietz', email: 'dora.dietz@student.lindenhof.example.de', grade: '' };
const nameOf = (applicant: Applicant) => `${applicant.given} ${applicant.family}`;

const csv = (...rows: [applicant: Applicant, term: string][]) =>
  [
    'Fornavn;Etternavn;E-post;Fødselsdato;Statsborgerskap;Tilbudskode;Termin;Valg',
    ...rows.map(([a, term]) => `${a.given};${a.family};${a.email};17.05.2001;DE;${first.code};${term};`),
  ].join('\r\n');

async function portalPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** The nominator signed in to the portal, on "Mine nominasjoner". */
async function nominatorSignedIn(browser: Browser, server: CentralServer): Promise<Page> {
  const page = await portalPage(browser, `${server.url}/portal/`);
  await page.getByLabel(portal.signIn.username).fill(accounts.nominator.username);
  await page.getByLabel(portal.signIn.password).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: portal.signIn.submit }).click();
  await expect(page.getByRole('heading', { level: 1, name: portal.nominations.title })).toBeVisible();
  return page;
}

async function listedNominations(page: Page): Promise<string[]> {
  await page.getByRole('link', { name: portal.nav.nominations }).click();
  await expect(page.getByTestId('nominations')).toBeVisible();
  return page.getByTestId('nominations').locator('tbody tr td:nth-child(2)').allTextContents();
}

async function upload(page: Page, text: string): Promise<void> {
  await page.getByRole('link', { name: portal.nav.upload }).click();
  await page.getByLabel(portal.upload.file).setInputFiles({ name: 'nominasjoner.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: portal.upload.submit, exact: true }).click();
}

/** The link in the applicant's invitation e-mail. */
async function invitationLink(smtp: SmtpStandIn, email: string): Promise<string> {
  await expect.poll(() => smtp.received.filter((mail) => mail.to.includes(email)).length, { timeout: 15_000 }).toBeGreaterThan(0);
  const link = /https?:\/\/\S+\/portal\/#\/soknad\/[A-Za-z0-9_-]+/.exec(mailText(smtp.received.find((mail) => mail.to.includes(email))!.raw))?.[0];
  expect(link, `the invitation to ${email} links to the portal`).toBeDefined();
  return link!;
}

/** The applicant opens the invitation, signs in, completes their personal data, (optionally) adds a choice, and submits. */
async function apply(browser: Browser, smtp: SmtpStandIn, applicant: Applicant, addChoice?: typeof first): Promise<Page> {
  const page = await portalPage(browser, await invitationLink(smtp, applicant.email));
  await expect(page.getByRole('heading', { level: 1, name: portal.applicantSignIn.title })).toBeVisible();
  await page.getByLabel(portal.invitation.email, { exact: true }).fill(applicant.email);
  await page.getByRole('button', { name: portal.applicantSignIn.submit }).click();
  await expect(page.getByRole('heading', { level: 1, name: portal.application.title })).toBeVisible();
  await expect(page.getByTestId('application-status')).toHaveText(nominationStatusLabels.nominated.nb);
  await expectAccessible(page);

  await savePersonalData(page, {
    givenName: applicant.given,
    familyName: applicant.family,
    phone: '+49 30 1234567',
    street: 'Lindenallee 3',
    postalCode: '10115',
    city: 'Berlin',
    country: 'DE',
    homeInstitution: 'Hochschule Lindenhof',
  });

  if (addChoice) {
    const c = portal.application.choices;
    await page.getByLabel(c.add).selectOption(addChoice.code);
    await page.getByRole('button', { name: c.addButton }).click();
    await expect(page.getByTestId('choices').locator('li span')).toHaveText([label(first), label(addChoice)]);
    await expectAccessible(page);
  }
  await page.getByRole('button', { name: portal.application.submit.button }).click();
  await expect(page.getByText(portal.application.submit.done)).toBeVisible();
  await expect(page.getByTestId('application-status')).toHaveText(nominationStatusLabels.submitted.nb);
  await expectAccessible(page);
  return page;
}

/** The applicant answers the offer in the portal (the page reloaded to show it). */
async function answerOffer(page: Page, accept: boolean): Promise<void> {
  const o = portal.application.offer;
  await page.reload();
  await expect(page.getByRole('heading', { name: o.title })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: accept ? o.accept : o.decline }).click();
  await page.getByRole('dialog').getByRole('button', { name: o.confirm }).click();
  // The answer's confirmation may stand beside the outcome box (the declined text is the same): the box is what stays.
  await expect(page.getByTestId('outcome')).toContainText(accept ? portal.application.outcome.admitted : portal.application.outcome.declined);
  await expect(page.getByTestId('application-status')).toHaveText(nominationStatusLabels[accept ? 'admitted' : 'declined'].nb);
  await expectAccessible(page);
}

async function caseOf(server: CentralServer, applicant: Applicant): Promise<Case> {
  const rows = await server.db.query<{ id: string }>(`SELECT id FROM sync_documents WHERE collection = 'cases' AND doc::json->>'title' LIKE $1`, [
    `%${nameOf(applicant)}%`,
  ]);
  expect(rows, `one case of ${nameOf(applicant)}`).toHaveLength(1);
  return (await server.storedCase(rows[0]!.id))!;
}

/** Every recipient of the e-mails about the case that say `sentence`. */
function recipientsOf(smtp: SmtpStandIn, c: Case, sentence: string): string[] {
  return smtp.received.filter((mail) => mailText(mail.raw).includes(c.caseNumber) && mailText(mail.raw).includes(sentence)).flatMap((mail) => mail.to);
}

test('nominations by portal, CSV and EWP are ranked, offered, answered and withdrawn, with the outcomes mailed', async ({ laptop, server, smtp, browser }) => {
  const { page } = laptop;
  const offerCollection = defaultSyncCollections().find((collection) => collection.name === 'offers')!;
  await importAllOrNothing(server.db, offerCollection, offers as unknown as Record<string, unknown>[], { actorId: null, action: 'offer-import' });
  const queue = page.getByRole('table', { name: t.queue.tableLabel(first.code) });
  const bulk = page.getByRole('region', { name: t.bulk.label });
  const openAdmission = async () => {
    await page.getByRole('navigation', { name: desktop.nav.label }).getByRole('link', { name: desktop.nav.nomination }).click();
    const admission = page.getByRole('combobox', { name: t.queue.admission });
    const option = admission.locator('option', { hasText: first.code });
    await expect(option).toHaveCount(1, { timeout: SYNC_SETTLE_MS });
    await admission.selectOption((await option.getAttribute('value'))!);
  };

  const nominator = await test.step('the nominator nominates A in the portal form', async () => {
    const portalPage = await nominatorSignedIn(browser, server);
    await portalPage.getByRole('link', { name: portal.nav.nominate }).click();
    await expect(portalPage.getByRole('heading', { level: 1, name: portal.nominate.title })).toBeVisible();
    await expectAccessible(portalPage);
    await portalPage.getByLabel('Fornavn').fill(A.given);
    await portalPage.getByLabel('Etternavn').fill(A.family);
    await portalPage.getByLabel('E-post').fill(A.email);
    await portalPage.getByLabel('Fødselsdato').fill('2001-03-04');
    await portalPage.getByLabel('Statsborgerskap').fill('DE');
    await portalPage.getByLabel('Tilbudskode').selectOption(first.code);
    await portalPage.getByRole('button', { name: portal.nominate.submit }).click();
    await expect(portalPage.getByRole('status')).toHaveText(portal.nominate.created(nameOf(A)));
    await expectAccessible(portalPage);
    return portalPage;
  });

  await test.step('a CSV file with one bad row adds no one; a good file adds B and D', async () => {
    const before = await listedNominations(nominator);
    expect(before).toContain(nameOf(A));
    await upload(nominator, csv([B, first.term], [D, '1999X']));
    const errors = nominator.getByTestId('upload-errors').locator('tbody tr');
    await expect(errors).toHaveCount(1);
    expect((await errors.first().locator('td').allTextContents()).slice(0, 2)).toEqual(['3', 'Termin']);
    await expectAccessible(nominator);
    expect(await listedNominations(nominator)).toEqual(before);

    await upload(nominator, csv([B, first.term], [D, first.term]));
    await expect(nominator.getByRole('status')).toHaveText(portal.upload.created(2, 0));
    await expectAccessible(nominator);
    expect(await listedNominations(nominator)).toEqual(expect.arrayContaining([nameOf(A), nameOf(B), nameOf(D)]));
  });

  await test.step('C arrives by EWP and the officer registers it under the first offer in the EWP inbox', async () => {
    expect(await importFromEwpPartner(server, PARTNER, [mobility!])).toMatchObject({ created: 1, refused: [] });
    await signedIn(page, 'caseOfficer');
    await page.getByRole('navigation', { name: desktop.nav.label }).getByRole('link', { name: desktop.nav.nomination }).click();
    await page.getByRole('navigation', { name: t.actions.label }).getByRole('link', { name: t.actions.ewp }).click();
    const table = page.getByRole('table', { name: t.ewp.tableLabel });
    await table.getByRole('checkbox', { name: t.ewp.selectMobility(nameOf(C)) }).check();
    const actions = page.getByRole('region', { name: t.actions.label });
    await actions.getByRole('combobox', { name: t.ewp.offer }).selectOption(first.code);
    await expectAccessible(page);
    await actions.getByRole('button', { name: t.ewp.register(1) }).click();
    await expect(actions.getByRole('list', { name: t.ewp.results }).getByRole('listitem')).toHaveText([`${nameOf(C)}: ${t.ewp.created} ${t.ewp.openCase}`]);
    await expectAccessible(page);
  });

  const [pageA, pageB] = await test.step('A, B and C complete and submit in the portal; A ranks both offers, the first first', async () => {
    const pages = [await apply(browser, smtp, A, second), await apply(browser, smtp, B), await apply(browser, smtp, C)];
    expect((await caseOf(server, A)).details).toMatchObject({ application: { choices: [{ code: first.code }, { code: second.code }] } });
    return pages;
  });

  await test.step('the officer assesses A > B > C, qualifies them, ranks (C not reached), offers and marks C not reached', async () => {
    for (const applicant of [A, B, C]) {
      await openAdmission();
      await queue.getByRole('link', { name: new RegExp(nameOf(applicant)) }).click({ timeout: SYNC_SETTLE_MS });
      await expect(page.getByRole('heading', { level: 1 })).toContainText(nameOf(applicant));
      await page.getByRole('textbox', { name: t.assessment.gradeAverage }).fill(applicant.grade);
      await page.getByRole('button', { name: t.assessment.save }).click();
      await expect(page.getByText(/^Sist registrert /)).toBeVisible();
      if (applicant === A) await expectAccessible(page);
    }

    await openAdmission();
    await page.getByRole('combobox', { name: t.queue.statusFilter }).selectOption('submitted');
    await bulk.getByRole('button', { name: t.bulk.selectAll(3) }).click();
    await bulk.getByRole('combobox', { name: t.bulk.step }).selectOption('qualify');
    await bulk.getByRole('button', { name: t.bulk.apply(3) }).click();
    await expect(bulk.getByTestId('bulk-summary')).toHaveText(bulkText.summary(3, 0));
    await expectAccessible(page);
    await bulk.getByRole('button', { name: bulkText.dismiss }).click();

    await page.getByRole('button', { name: t.ranking.rank, exact: true }).click();
    // A first and B second at the first offer, within its 2 places; C third, not reached.
    const rows = page.getByRole('table', { name: t.ranking.tableLabel }).getByRole('row');
    await expect(rows).toHaveCount(4);
    const results = [t.ranking.offered(first.code), t.ranking.offered(first.code), t.ranking.notReached];
    for (const [i, applicant] of [A, B, C].entries()) {
      const row = rows.filter({ hasText: nameOf(applicant) });
      await expect(row).toContainText(t.ranking.position(first.code, i + 1));
      await expect(row).toContainText(results[i]!);
      await expect(row).toContainText(t.ranking.recorded);
    }
    await expectAccessible(page);

    await page.getByRole('combobox', { name: t.queue.statusFilter }).selectOption('qualified');
    await bulk.getByRole('button', { name: t.bulk.selectAll(3) }).click();
    await bulk.getByRole('combobox', { name: t.bulk.step }).selectOption('makeOffer');
    await bulk.getByRole('textbox', { name: t.bulk.answerBy }).fill(addDays(today, 20));
    await bulk.getByRole('button', { name: t.bulk.apply(3) }).click();
    await expect(bulk.getByTestId('bulk-summary')).toHaveText(bulkText.summary(2, 1));
    await expectAccessible(page);

    await bulk.getByRole('button', { name: bulkText.dismiss }).click();

    // The one left qualified is not reached: the same bulk bar records it.
    await page.getByRole('combobox', { name: t.queue.statusFilter }).selectOption('qualified');
    await bulk.getByRole('button', { name: t.bulk.selectAll(1) }).click();
    await bulk.getByRole('combobox', { name: t.bulk.step }).selectOption('markNotReached');
    await bulk.getByRole('button', { name: t.bulk.apply(1) }).click();
    await expect(bulk.getByTestId('bulk-summary')).toHaveText(bulkText.summary(1, 0));
    await expectAccessible(page);
  });

  await test.step('after sync A accepts and B declines; applicant and nominator get every outcome by e-mail', async () => {
    const [a, b, c] = [await caseOf(server, A), await caseOf(server, B), await caseOf(server, C)];
    await expect
      .poll(async () => Promise.all([a, b, c].map(async (x) => (await server.storedCase(x.id))?.status)), { timeout: SYNC_SETTLE_MS })
      .toEqual(['offered', 'offered', 'notOffered']);
    await answerOffer(pageA!, true);
    await answerOffer(pageB!, false);

    const outcomes: [Case, Applicant, string][] = [
      [a, A, 'Du er tatt opp og har fått studierett.'],
      [b, B, 'Tilbudet om studieplass er avslått.'],
      [c, C, 'rangert utenfor antall studieplasser'],
    ];
    for (const [x, applicant, sentence] of outcomes) {
      await expect
        .poll(() => recipientsOf(smtp, x, sentence), { timeout: 15_000, message: `the outcome mail of ${nameOf(applicant)}` })
        .toEqual(expect.arrayContaining([applicant.email, nominatorEmail]));
    }
  });

  await test.step('the nominator withdraws D with a reason; the officer’s open case page shows it withdrawn', async () => {
    const d = await caseOf(server, D);
    await page.goto(`/#${nominationCasePath(d.id)}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(d.title);
    const facts = page.getByRole('region', { name: t.casePage.facts });
    await expect(facts).toContainText(nominationStatusLabels.nominated.nb);

    await listedNominations(nominator);
    await nominator.getByRole('button', { name: portal.nominationWithdraw.button(nameOf(D)) }).click();
    const dialog = nominator.getByRole('dialog');
    await dialog.getByLabel(portal.application.withdraw.reason).fill('Studenten reiser ikke likevel.');
    await expectAccessible(nominator);
    await dialog.getByRole('button', { name: portal.application.withdraw.confirm }).click();
    await expect(nominator.getByText(portal.nominationWithdraw.done(d.caseNumber))).toBeVisible();
    await expectAccessible(nominator);

    await expect(facts).toContainText(nominationStatusLabels.withdrawn.nb, { timeout: SYNC_SETTLE_MS });
    await expect(facts).toContainText('Studenten reiser ikke likevel.');
    await expectAccessible(page);
  });
});
