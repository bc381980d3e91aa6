import type { Page } from '@playwright/test';
import { demoUsers, partners } from '../../../dev/demo-data';
import { caseTexts } from '../../../src-renderer/features/case/case-text';
import { nominationTexts } from '../../../src-renderer/features/nomination/nomination-text';
import { offersTexts } from '../../../src-renderer/features/nomination/offers/offers-text';
import { rankingCriterionLabels } from '../../../src-shared/domain/nomination/ranking.schema';
import { expectAccessible } from '../support/axe';
import { expect, test } from '../support/fixtures';

const SEEDING_TIMEOUT_MS = 60_000;
const t = offersTexts.nb;
const officer = demoUsers().find((user) => user.userId === 'u-studiekonsulent')!;
const lindenhof = partners.find((partner) => partner.id === 'partner-lindenhof')!;
const agreementName = `Avtale ${lindenhof.agreementId} med ${lindenhof.name}`;
/** The new offer: the autumn term, where the agreement's places are not yet shared out. */
const CODE = 'UTV-HEL-27H';
const TERM = '2027H';

async function openOffers(page: Page): Promise<void> {
  await page.goto('/?demoCases=20#/nomination/offers');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.list.title, { timeout: SEEDING_TIMEOUT_MS });
  await page.getByRole('combobox', { name: caseTexts.nb.actingUser.label }).selectOption(officer.userId);
}

test('the case officer creates an offer, is stopped while its capacity exceeds the agreement, fixes it and finds it in the list', async ({ page }) => {
  await openOffers(page);

  // The demo offers, per partner and term, with the agreement's places drawn against them.
  const spring = page.getByRole('region', { name: t.list.group(lindenhof.name, '2027V') });
  await expect(spring.getByRole('img', { name: t.list.usage(agreementName, lindenhof.places, lindenhof.places) })).toBeVisible();
  await expect(spring.getByRole('table', { name: t.list.tableLabel(lindenhof.name, '2027V') }).getByRole('row')).toHaveCount(lindenhof.offers.length + 1);
  await expectAccessible(page);

  await page.getByRole('link', { name: t.list.newOffer }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.form.newTitle);
  const form = page.locator('form');
  await form.getByRole('combobox', { name: t.form.partner }).selectOption(lindenhof.id);
  await expect(form.getByRole('combobox', { name: t.form.agreement })).toHaveValue(lindenhof.agreementId);
  await form.getByRole('combobox', { name: t.form.department }).selectOption('helse');
  await form.getByRole('textbox', { name: t.form.code }).fill(CODE);
  await form.getByRole('textbox', { name: t.form.nameNb }).fill('Utveksling helse, høst 2027');
  await form.getByRole('textbox', { name: t.form.nameEn }).fill('Exchange in health, autumn 2027');
  await form.getByRole('textbox', { name: t.form.term }).fill(TERM);
  await form.getByLabel(t.form.periodFrom).fill('2027-08-16');
  await form.getByLabel(t.form.periodTo).fill('2027-12-17');
  await form.getByLabel(t.form.validityFrom).fill('2027-03-01');
  await form.getByLabel(t.form.validityTo).fill('2027-12-31');
  await form.getByRole('textbox', { name: t.form.isced }).fill('0913');
  await form.getByRole('checkbox', { name: t.form.eqfLevel('6') }).check();
  await form.getByRole('textbox', { name: t.form.languageCode }).fill('en');
  await form.getByRole('checkbox', { name: t.items.homeResults }).check();
  await form.getByLabel(t.form.nominationDeadline).fill('2027-04-15');
  await form.getByLabel(t.form.applicationDeadline).fill('2027-05-01');
  await form.getByLabel(t.form.answerDeadline).fill('2027-06-01');

  // More places than the agreement has: the problem shows at once, and saving refuses with an error summary.
  const capacity = form.getByRole('spinbutton', { name: t.form.capacity });
  await capacity.fill(String(lindenhof.places + 3));
  const problem = t.problems['capacity-above-places']({
    code: CODE,
    term: TERM,
    capacity: lindenhof.places + 3,
    agreementId: lindenhof.agreementId,
    places: lindenhof.places,
    taken: 0,
  });
  await expect(form.getByRole('status')).toContainText(problem);
  await form.getByRole('button', { name: t.form.save }).click();
  const summary = form.getByRole('group', { name: t.form.fieldsHeading });
  await expect(summary.getByRole('link', { name: problem })).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.form.newTitle);
  await summary.getByRole('link', { name: problem }).click();
  await expect(capacity).toBeFocused();

  // Fix it, and rank by the committee's score before the grade average.
  await capacity.fill(String(lindenhof.places));
  await expect(summary).toHaveCount(0);
  await expect(form.getByRole('status')).toHaveText('');
  const committee = rankingCriterionLabels.committeeScore.nb;
  await form.getByRole('combobox', { name: t.form.chooseCriterion }).selectOption('committeeScore');
  await form.getByRole('button', { name: t.form.addCriterion }).click();
  await form.getByRole('button', { name: t.form.moveUp(committee) }).click();
  await expect(form.getByRole('group', { name: `${t.form.criterion(1)}: ${committee}` })).toBeVisible();
  await expectAccessible(page);
  await form.getByRole('button', { name: t.form.save }).click();

  // Back in the list: the new offer in its own term, taking all the agreement's places there.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.list.title);
  const autumn = page.getByRole('region', { name: t.list.group(lindenhof.name, TERM) });
  await expect(autumn.getByRole('img', { name: t.list.usage(agreementName, lindenhof.places, lindenhof.places) })).toBeVisible();
  const row = autumn.getByRole('row').filter({ hasText: CODE });
  await expect(row).toContainText(String(lindenhof.places));
  await expect(row).toContainText(nominationTexts.nb.casePage.proFormaModes.ranked);

  // Opened again, the code and partner are fixed and the criteria are as saved.
  await row.getByRole('link', { name: t.list.edit(CODE) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.form.editTitle(CODE));
  await expect(page.getByRole('textbox', { name: t.form.code })).toHaveAttribute('readonly', '');
  await expect(page.getByRole('textbox', { name: t.form.partner })).toHaveValue(lindenhof.name);
  await expect(page.getByRole('group', { name: `${t.form.criterion(1)}: ${committee}` })).toBeVisible();

  // Who may not keep offers reads it: no form, and no "new offer" in the list.
  await page.getByRole('combobox', { name: caseTexts.nb.actingUser.label }).selectOption('u-rektor');
  await expect(page.getByText(t.form.readOnly)).toBeVisible();
  await expect(page.getByRole('button', { name: t.form.save })).toHaveCount(0);
  await expect(page.getByRole('definition').filter({ hasText: agreementName })).toBeVisible();
  await page.getByRole('link', { name: t.form.back }).click();
  await expect(page.getByRole('link', { name: t.list.open(CODE) })).toBeVisible();
  await expect(page.getByRole('link', { name: t.list.newOffer })).toHaveCount(0);
});
