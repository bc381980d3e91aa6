import { caseTypes } from '../../src-shared/domain/case/case-type';
import { nb } from '../../src-renderer/i18n/nb';
import { expectAccessible } from './support/axe';
import { demoData, expectedCases, type ExpectedFilter } from './support/demo-expectations';
import { expect, test } from './support/fixtures';

const CASES = 120;
const { cases } = demoData(CASES);

test('the overview shows Norwegian demo cases from the local replica', async ({ page, shell, overview }) => {
  await overview.open(CASES);

  await expect(shell.html).toHaveAttribute('lang', 'nb');
  await expect(overview.heading).toHaveText('Saksoversikt');
  await expect(page).toHaveTitle('Saksoversikt – Saksflyt');
  await overview.expectMatches(CASES, CASES);
  const [first, second] = expectedCases(cases, {});
  await expect(overview.caseLinkAt(0)).toHaveText(`${first!.caseNumber} ${first!.title}`);
  await expect(overview.caseLinkAt(1)).toHaveText(`${second!.caseNumber} ${second!.title}`);
  // Virtualized: far fewer rows in the DOM than cases in the replica.
  expect(await overview.rows.count()).toBeLessThan(CASES);

  for (const type of caseTypes) {
    const count = cases.filter((c) => c.type === type).length;
    await expect(overview.chart).toHaveAccessibleName(new RegExp(`${nb.caseTypes[type]} ${count}\\b`));
  }
  await expect(shell.syncStatus).toHaveText(nb.statusBar.notConfigured);
  await expectAccessible(page);
});

test('search and every filter narrow the list to exactly the expected cases', async ({ overview }) => {
  await overview.open(CASES);

  const expectList = async (filter: ExpectedFilter) => {
    const want = expectedCases(cases, filter);
    expect(want.length, `demo data has cases for ${JSON.stringify(filter)}`).toBeGreaterThan(0);
    await overview.expectMatches(want.length, CASES);
    await expect(overview.caseLinkAt(0)).toHaveText(`${want[0]!.caseNumber} ${want[0]!.title}`);
  };

  for (const type of caseTypes) {
    await overview.filterByType(type);
    await expectList({ type });
  }

  // Status: the most common status of follow-up cases, picked with no type chosen (sets the type too).
  await overview.filterByType('');
  const status = mostCommon(cases.filter((c) => c.type === 'followUp').map((c) => c.status));
  await overview.filterByStatus('followUp', status);
  await expect(overview.typeFilter).toHaveValue('followUp');
  await expectList({ type: 'followUp', status });
  // Another type clears the status (it belonged to the old type).
  await overview.filterByType('approval');
  await expect(overview.statusFilter).toHaveValue('');
  await expectList({ type: 'approval' });
  await overview.filterByType('');

  for (const deadline of ['overdue', 'next7', 'next30'] as const) {
    await overview.filterByDeadline(deadline);
    await expectList({ deadline });
  }

  // Search: a name with Norwegian letters from a case title, typed in lower case.
  const word = cases.flatMap((c) => c.title.split(/\s+/)).find((w) => /[æøåÆØÅ]/.test(w) && w.length > 3)!;
  await overview.search.fill(word.toLocaleLowerCase('nb'));
  await expectList({ deadline: 'next30', search: word });
  await overview.filterByDeadline('all');
  await expectList({ search: word });

  await overview.resetButton.click();
  await expect(overview.search).toHaveValue('');
  await overview.expectMatches(CASES, CASES);
});

test('the list loads further pages while moving to its end', async ({ page, overview }) => {
  await overview.open(CASES);
  const last = expectedCases(cases, {}).at(-1)!;
  const lastLink = overview.caseLinkAt(CASES - 1);

  await overview.tabToFirstCase();
  // End jumps to the last loaded row; getting there loads the next page, until all are loaded.
  await expect(async () => {
    await page.keyboard.press('End');
    await expect(lastLink).toBeFocused({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(lastLink).toHaveText(`${last.caseNumber} ${last.title}`);
  expect(await overview.rows.count()).toBeLessThan(CASES);
});

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}
