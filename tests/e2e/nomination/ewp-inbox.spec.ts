import type { Page } from '@playwright/test';
import { nominationTexts } from '../../../src-renderer/features/nomination/nomination-text';
import { nb } from '../../../src-renderer/i18n/nb';
import { generateMobilities, PARTNER_HEI } from '../../stand-ins/ewp-partner-server';
import { expectAccessible } from '../support/axe';
import { actorOf } from '../sync/support/central-server';
import { signedIn } from '../sync/support/sign-in';
import { expect, SYNC_SETTLE_MS, SYNC_TEST_TIMEOUT_MS, test } from '../sync/support/sync-fixtures';
import { importFromEwpPartner } from './ewp-partner';

/**
 * The case officer's side of nominations on the desktop, signed in against a real central server:
 * EWP mobilities imported from the stand-in partner → the EWP inbox → registered as cases under an
 * offer → the cases appear in the admission queue; and one nomination registered on behalf of a
 * partner, with the reason, that the case page shows as "registrert av X på vegne av Y".
 */
test.describe.configure({ timeout: SYNC_TEST_TIMEOUT_MS });

const t = nominationTexts.nb;
const PARTNER = { id: 'partner-lindenhof', name: 'Hochschule Lindenhof' };
const OFFER = { code: 'UTV-HEL-27V', name: 'Utveksling helse og sosial, vår 2027' };
const officer = actorOf('caseOfficer');
const mobilities = generateMobilities(3);
const nameOf = (n: number) => `${mobilities[n]!.student.givenNames} ${mobilities[n]!.student.familyName}`;

async function openFromQueue(page: Page, link: string): Promise<void> {
  await page.getByRole('navigation', { name: nb.nav.label }).getByRole('link', { name: nb.nav.nomination }).click();
  await page.getByRole('navigation', { name: t.actions.label }).getByRole('link', { name: link }).click();
}

test('EWP mobilities from the partner are registered as cases under an offer and reach the admission queue', async ({ laptop, server }) => {
  const { page } = laptop;
  expect(await importFromEwpPartner(server, PARTNER.id, mobilities)).toMatchObject({ created: 3, refused: [] });
  await signedIn(page, 'caseOfficer');

  await openFromQueue(page, t.actions.ewp);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.ewp.title);
  const table = page.getByRole('table', { name: t.ewp.tableLabel });
  await expect(table.getByRole('row')).toHaveCount(1 + mobilities.length);
  await expect(table.getByRole('row', { name: new RegExp(nameOf(0)) })).toContainText(`${PARTNER.name} (${PARTNER_HEI})`);
  await expectAccessible(page);

  await table.getByRole('checkbox', { name: t.ewp.selectMobility(nameOf(0)) }).check();
  await table.getByRole('checkbox', { name: t.ewp.selectMobility(nameOf(1)) }).check();
  const actions = page.getByRole('region', { name: t.actions.label });
  await expect(actions.getByRole('status')).toHaveText(t.ewp.selected(2));
  await actions.getByRole('combobox', { name: t.ewp.offer }).selectOption(OFFER.code);
  await actions.getByRole('button', { name: t.ewp.register(2) }).click();
  const results = actions.getByRole('list', { name: t.ewp.results });
  await expect(results.getByRole('listitem')).toHaveText([
    `${nameOf(0)}: ${t.ewp.created} ${t.ewp.openCase}`,
    `${nameOf(1)}: ${t.ewp.created} ${t.ewp.openCase}`,
  ]);
  // Registered ones are verified now: the pending list keeps only the third.
  await expect(table.getByRole('row')).toHaveCount(2);
  await expectAccessible(page);

  // Reject the third with a comment the partner reads back.
  await table.getByRole('button', { name: t.ewp.rejectFor(nameOf(2)) }).click();
  await table.getByRole('textbox', { name: t.ewp.comment }).fill('Avtalen gjelder ikke doktorgradsstudenter.');
  await table.getByRole('button', { name: t.ewp.confirmReject }).click();
  await expect(actions.getByText(t.ewp.rejected(nameOf(2)))).toBeVisible();
  await expect(page.getByText(t.ewp.none)).toBeVisible();
  const [stored] = await server.db.query<{ incoming_status: string; incoming_comment: string }>(
    `SELECT incoming_status, incoming_comment FROM ewp_nominations WHERE omobility_id = $1`,
    [mobilities[2]!.omobilityId],
  );
  expect(stored).toEqual({ incoming_status: 'rejected', incoming_comment: 'Avtalen gjelder ikke doktorgradsstudenter.' });

  // The new cases reach the laptop by sync and are in the offer's admission.
  await page.getByRole('navigation', { name: nb.nav.label }).getByRole('link', { name: nb.nav.nomination }).click();
  const admission = page.getByRole('combobox', { name: t.queue.admission });
  const option = admission.locator('option', { hasText: OFFER.code });
  await expect(option).toHaveCount(1, { timeout: SYNC_SETTLE_MS });
  await admission.selectOption((await option.getAttribute('value'))!);
  const queue = page.getByRole('table', { name: t.queue.tableLabel(OFFER.code) });
  for (const n of [0, 1]) await expect(queue.getByRole('link', { name: new RegExp(nameOf(n)) })).toBeVisible({ timeout: SYNC_SETTLE_MS });
});

test('a nomination registered on behalf of a partner says who registered it for whom, and why', async ({ laptop }) => {
  const { page } = laptop;
  await signedIn(page, 'caseOfficer');
  await openFromQueue(page, t.actions.onBehalf);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.onBehalf.title);
  await expectAccessible(page);

  await page.getByRole('combobox', { name: t.onBehalf.partner }).selectOption(PARTNER.id);
  await page.getByRole('combobox', { name: t.onBehalf.offer }).selectOption(OFFER.code);
  // Sent without a reason: the form says so at the field, and nothing is registered.
  await page.getByRole('textbox', { name: 'Fornavn' }).fill('Greta');
  await page.getByRole('textbox', { name: 'Etternavn' }).fill('Berg');
  await page.getByRole('textbox', { name: 'E-post' }).fill('greta.berg@student.lindenhof.example');
  await page.getByLabel('Fødselsdato').fill('2001-04-12');
  await page.getByRole('textbox', { name: 'Statsborgerskap' }).fill('de');
  await page.getByRole('button', { name: t.onBehalf.submit }).click();
  await expect(page.getByText(t.onBehalf.reasonRequired)).toBeVisible();

  const reason = 'Partneren fikk ikke logget inn før fristen.';
  await page.getByRole('textbox', { name: t.onBehalf.reason }).fill(reason);
  await page.getByRole('button', { name: t.onBehalf.submit }).click();
  await expect(page.getByText(t.onBehalf.created('Greta Berg'))).toBeVisible();
  await page.getByRole('link', { name: t.onBehalf.openCase }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText('Greta Berg', { timeout: SYNC_SETTLE_MS });
  await expect(page.getByText(t.casePage.onBehalfOf(officer.name, PARTNER.name, reason))).toBeVisible();
  const told = page.getByRole('region', { name: t.casePage.told });
  await expect(told).toContainText('DE');
  await expect(page.getByRole('region', { name: t.uploads.heading })).toContainText(t.uploads.none);
  await expectAccessible(page);
});
