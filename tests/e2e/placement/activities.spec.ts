import { demoUsers, placementSites } from '../../../dev/demo-data';
import { placementStatusLabels } from '../../../src-shared/domain/placement/placement.schema';
import { placementWorkflow } from '../../../src-shared/domain/placement/placement.workflow';
import { expectAccessible } from '../support/axe';
import { demoData } from '../support/demo-expectations';
import { expect, test } from '../support/fixtures';
import { ActivityPages } from './activity-pages';

const CASES = 20;
const COURSE = 'SYK2100 Praksisstudier i sykehjem';
const REQUIREMENT = 'Bestått SYK1001';
const [sentrum, sjukehus] = placementSites.filter((site) => site.department === 'helse');
const teachers = demoUsers().filter((user) => user.userId.startsWith('u-laerer-helse-'));
/** Three students of the people register the app seeds (same seed, size and "now"). */
const students = demoData(CASES)
  .people.filter((person) => person.email.includes('@stud.'))
  .map((person) => `${person.givenName} ${person.familyName}`)
  .filter((name, i, all) => all.indexOf(name) === i)
  .slice(0, 3);

test('the placement administrator creates an activity with two classes and students, orders places for both classes at two sites, and sees the board and the chart', async ({
  page,
}) => {
  const pages = new ActivityPages(page);
  const { t } = pages;
  await pages.openAsPlacementAdmin(CASES);
  await expect(page.getByRole('navigation').getByRole('link', { name: t.nav })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: t.list.newActivity }).click();
  await expect(pages.heading).toHaveText(t.form.newTitle);
  await pages.fillCourse('helse', COURSE, '2026-10-05', '2026-11-13');
  await pages.addClass('A', teachers[0]!.name, true);
  await pages.addClass('B', teachers[1]!.name);
  await pages.addRequirement(REQUIREMENT, 1);
  const entries = [
    { name: students[0]!, className: 'A', firstWish: sentrum!.name },
    { name: students[1]!, className: 'A', firstWish: sjukehus!.name },
    { name: students[2]!, className: 'B', firstWish: sentrum!.name },
  ];
  for (const entry of entries) await pages.addStudent(entry, REQUIREMENT);
  await expectAccessible(page);
  await pages.save();

  // Saved offline to the replica: the activity's own page, with no orders yet.
  await expect(pages.heading).toContainText('SYK2100');
  await expect(page.getByText(t.orders.none)).toBeVisible();
  const classes = [
    { name: 'A', students: 2 },
    { name: 'B', students: 1 },
  ];
  await pages.order(classes, ['A'], sentrum!.name, 2);
  await pages.order(classes, ['B'], sjukehus!.name, 1);
  // A second order to the same site is its own order.
  await pages.order(classes, ['B'], sentrum!.name, 1);
  const rows = pages.ordersTable().getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(pages.ordersTable().getByRole('row', { name: new RegExp(sentrum!.name) })).toHaveCount(2);
  await expect(pages.ordersTable().getByRole('cell', { name: placementStatusLabels.ordered.nb, exact: true })).toHaveCount(3);

  // The chart: demand per class against places ordered, none confirmed yet (the figures are its text too).
  const chart = page.getByRole('img', { name: t.chart.label(COURSE) });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleDescription(`${t.chart.summary('A', 2, 2, 0)} ${t.chart.summary('B', 1, 2, 0)}`);
  await expect(page.getByRole('table', { name: t.chart.tableLabel }).getByRole('row', { name: /^B/ })).toHaveText(/B\s*1\s*2\s*0/);
  await expectAccessible(page);

  // The board: all three orders in the "ordered" column, each linked to its case page.
  await page.getByRole('link', { name: t.board.open }).click();
  await expect(pages.heading).toHaveText(t.board.activityTitle(COURSE));
  const ordered = pages.boardColumn(placementStatusLabels.ordered.nb);
  await expect(ordered.getByRole('listitem')).toHaveCount(3);
  await expect(pages.boardColumn(placementStatusLabels.capacityConfirmed.nb).getByText(t.board.empty)).toBeVisible();
  await expectAccessible(page);

  await ordered.getByRole('link', { name: new RegExp(sjukehus!.name) }).click();
  await expect(pages.heading).toContainText(sjukehus!.name);
  await expect(page.getByRole('definition').filter({ hasText: placementStatusLabels.ordered.nb }).first()).toBeVisible();
  await expect(page.getByText(t.order.noCapacity)).toBeVisible();
  await expectAccessible(page);

  // The order's page takes the administrator's steps: cancelling it takes it off the chart's ordered places.
  const cancel = placementWorkflow.eventLabel('cancel')!.nb;
  await page.getByRole('button', { name: cancel }).click();
  await expect(page.getByText(t.order.cancelReasonMissing)).toBeVisible();
  await page.getByRole('textbox', { name: t.order.cancelReason }).fill('Avdelingen tar ikke studenter i perioden.');
  await page.getByRole('button', { name: cancel }).click();
  await expect(page.getByText(t.order.done(cancel))).toBeVisible();
  await expect(page.getByText(t.order.cancelledBecause('Avdelingen tar ikke studenter i perioden.'))).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: t.order.back }).click();
  await expect(pages.ordersTable().getByRole('cell', { name: placementStatusLabels.cancelled.nb, exact: true })).toHaveCount(1);
  await expect(page.getByRole('img', { name: t.chart.label(COURSE) })).toHaveAccessibleDescription(
    `${t.chart.summary('A', 2, 2, 0)} ${t.chart.summary('B', 1, 1, 0)}`,
  );
});
