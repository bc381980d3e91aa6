import { nb } from '../../src-renderer/i18n/nb';
import { bulkStepFor, bulkSteps } from '../../src-shared/domain/case/bulk-steps';
import { demoUsers } from '../../dev/demo-data';
import { OverviewBulk } from './pages/overview-bulk';
import { expectAccessible } from './support/axe';
import { demoData, expectedCases, FIXED_NOW } from './support/demo-expectations';
import { expect, test } from './support/fixtures';

const CASES = 120;
const { cases } = demoData(CASES);
const text = nb.overview.bulk;
/** On local demo data the steps are taken as the acting-user switch's default: the health department's cohort coordinator. */
const actor = demoUsers().find((user) => user.userId === 'u-kullkoord-helse')!;

test('a bulk step taken from the keyboard gives each case its result, and the list follows', async ({ page, overview }) => {
  const bulk = new OverviewBulk(page);
  await overview.open(CASES);
  const summoned = expectedCases(cases, { type: 'followUp', status: 'summoned' });
  // What the workflow says for each case, as the acting user: some in the coordinator's department, some not.
  const allowed = summoned.filter((c) => bulkStepFor(c, 'recordNoShow', actor, FIXED_NOW.toISOString()).ok);
  const refused = summoned.filter((c) => !allowed.includes(c));
  expect(allowed.length, 'cases the coordinator may take the step on').toBeGreaterThan(0);
  expect(refused.length, 'cases outside the coordinator’s department').toBeGreaterThan(0);
  const openBefore = expectedCases(cases, { type: 'followUp', status: 'open' }).length;

  await overview.filterByStatus('followUp', 'summoned');
  await overview.expectMatches(summoned.length, CASES);

  // Space on a row's link selects its case; the arrow keys still move between rows.
  await overview.tabToFirstCase();
  for (const [index, c] of summoned.entries()) {
    await expect(overview.caseLinkAt(index)).toBeFocused();
    await page.keyboard.press('Space');
    await expect(bulk.checkboxOf(c)).toBeChecked();
    await page.keyboard.press('ArrowDown');
  }
  await expect(bulk.selectedCount).toHaveText(text.selected(summoned.length));
  // Space on the checkbox itself deselects and selects again.
  await bulk.checkboxOf(summoned[0]!).focus();
  await page.keyboard.press('Space');
  await expect(bulk.selectedCount).toHaveText(text.selected(summoned.length - 1));
  await page.keyboard.press('Space');
  await expect(bulk.selectedCount).toHaveText(text.selected(summoned.length));

  // The steps offered are the follow-up's bulk steps, labelled as in the workflow.
  const labels = bulkSteps('followUp').map((step) => step.label.nb);
  await expect(bulk.step.getByRole('option')).toHaveText(labels);
  await bulk.step.selectOption('recordNoShow');
  await expect(page.getByText(text.actingAs(actor.name))).toBeVisible();
  await expectAccessible(page);

  await bulk.apply(summoned.length).focus();
  await page.keyboard.press('Enter');

  await expect(bulk.summary).toHaveText(text.summary(allowed.length, refused.length));
  for (const c of allowed) await expect(bulk.resultOf(c)).toContainText(text.doneWithTask);
  for (const c of refused) await expect(bulk.resultOf(c)).toContainText(text.refused(text.reasons['out-of-scope']));
  await expect(bulk.results.getByRole('listitem')).toHaveCount(summoned.length);

  // The cases that took the step left the filter (and the selection); the refused ones stay.
  await overview.expectMatches(refused.length, CASES);
  await expect(bulk.selectedCount).toHaveText(text.selected(refused.length));
  await expectAccessible(page);

  await overview.filterByStatus('followUp', 'open');
  await overview.expectMatches(openBefore + allowed.length, CASES);
  await expect(bulk.selectedCount).toHaveText('');
});

test('select all shown takes the whole filtered list; a mixed selection says so; the filter deselects', async ({ page, overview }) => {
  const bulk = new OverviewBulk(page);
  await overview.open(CASES);
  const approvals = expectedCases(cases, { type: 'approval' });

  await overview.filterByType('approval');
  await bulk.selectAllShown(approvals.length).click();
  await expect(bulk.selectedCount).toHaveText(text.selected(approvals.length));
  // Rows far down the list, not yet rendered, are selected too: scroll to the last one.
  await overview.tabToFirstCase();
  await page.keyboard.press('End');
  await expect(bulk.checkboxOf(approvals.at(-1)!)).toBeChecked();
  await expect(bulk.step.getByRole('option')).toHaveText(bulkSteps('approval').map((step) => step.label.nb));

  // A follow-up case near the top of the whole list as well: one step applies to one case type at a time.
  await overview.filterByType('');
  const followUp = expectedCases(cases, {})
    .slice(0, 8)
    .find((c) => c.type === 'followUp')!;
  await bulk.checkboxOf(followUp).check();
  await expect(bulk.selectedCount).toHaveText(text.selected(approvals.length + 1));
  await expect(page.getByText(text.mixedTypes)).toBeVisible();
  await expect(bulk.step).toHaveCount(0);

  // A search that shows only the follow-up case: the approvals left the filter and are deselected.
  await overview.search.fill(followUp.caseNumber);
  await expect(bulk.selectedCount).toHaveText(text.selected(1));
  await expect(bulk.step.getByRole('option')).toHaveText(bulkSteps('followUp').map((step) => step.label.nb));
  await bulk.clear.click();
  await expect(bulk.selectedCount).toHaveText('');
  await expect(bulk.checkboxOf(followUp)).not.toBeChecked();
});
