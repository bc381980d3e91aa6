import { nb } from '../../src-renderer/i18n/nb';
import { expectAccessible } from './support/axe';
import { demoData, expectedCases } from './support/demo-expectations';
import { expect, test } from './support/fixtures';

const CASES = 60;
const data = demoData(CASES);

test('a case opens from the list with the keyboard, and focus comes back to it', async ({ page, overview, casePage }) => {
  const ordered = expectedCases(data.cases, {});
  // The first case in the list that has notes, so the page has something to show.
  const index = ordered.findIndex((c) => data.notes.some((note) => note.caseId === c.id));
  expect(index, 'demo data has a case with notes on the first screen').toBeGreaterThanOrEqual(0);
  expect(index).toBeLessThan(8);
  const target = ordered[index]!;
  const notes = data.notes.filter((note) => note.caseId === target.id).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));

  await overview.open(CASES);
  await overview.tabToFirstCase();
  for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowDown');
  await expect(overview.caseLinkAt(index)).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(new RegExp(`#/cases/${encodeURIComponent(target.id)}$`));
  await expect(casePage.heading).toHaveText(target.title);
  await expect(casePage.heading).toBeFocused();
  await expect(casePage.fact(nb.casePage.caseNumber)).toHaveText(target.caseNumber);
  await expect(casePage.fact(nb.casePage.type)).toHaveText(nb.caseTypes[target.type]);
  await expect(casePage.notes).toHaveCount(notes.length);
  await expect(casePage.notes.first()).toContainText(notes[0]!.text.slice(0, 60));
  await expect(casePage.tasks).toHaveCount(data.tasks.filter((task) => task.caseId === target.id).length);
  await expectAccessible(page);

  await casePage.backLink.focus();
  await page.keyboard.press('Enter');
  await expect(overview.caseLinkAt(index)).toBeFocused();
});

test('an unknown case id shows a clear "not found" page', async ({ page, overview, casePage }) => {
  await overview.open(CASES);
  await page.goto('/#/cases/finnes-ikke');
  await expect(casePage.heading).toHaveText(nb.casePage.notFound);
  await expect(page.getByText(nb.casePage.notFoundBody)).toBeVisible();
  await expectAccessible(page);
});
