import type { Case } from '../../src-shared/domain/case/case.schema';
import { demoUsers } from '../../dev/demo-data';
import type { Task } from '../../src-shared/domain/task/task.schema';
import { TasksPage } from './pages/tasks-page';
import { expectAccessible } from './support/axe';
import { demoData, TODAY } from './support/demo-expectations';
import { expect, test } from './support/fixtures';

const CASES = 300;
const { cases, tasks } = demoData(CASES);
/** Local demo data acts as the follow-up demo's default account, the cohort coordinator of helse. */
const me = demoUsers().find((user) => user.userId === 'u-kullkoord-helse')!;
const caseOf = new Map(cases.map((c) => [c.id, c]));

/** My open tasks worked out by hand: assigned to me, on a case of my cohorts, by deadline then case number. */
const expected: { task: Task; case: Case }[] = tasks
  .filter((task) => task.assigneeId === me.userId && !task.done)
  .map((task) => ({ task, case: caseOf.get(task.caseId)! }))
  .filter(({ case: c }) => c.institution === me.scope.institution && me.scope.cohorts.includes(c.cohort))
  .sort((a, b) => a.task.due.localeCompare(b.task.due) || a.case.caseNumber.localeCompare(b.case.caseNumber));

test('my tasks: exactly mine, by deadline, overdue marked; ticked off from the keyboard, it stays done after reload', async ({ page }) => {
  expect(
    expected.some(({ task }) => task.due < TODAY),
    'the demo data gives me an overdue task',
  ).toBe(true);
  expect(
    expected.some(({ task }) => task.due >= TODAY),
    'and one not yet overdue',
  ).toBe(true);
  const tasksPage = new TasksPage(page);
  const { t, text } = tasksPage;
  await tasksPage.openDemo(CASES);
  await expect(page).toHaveTitle(`${t.nav.tasks} – ${t.app.name}`);
  await expect(tasksPage.navLink).toHaveAttribute('aria-current', 'page');
  await expect(tasksPage.navLink).toHaveAccessibleName(`${t.nav.tasks} (${text.navBadge(expected.length)})`);

  await expect(tasksPage.checkboxes).toHaveCount(expected.length);
  for (const [i, { task, case: c }] of expected.entries()) {
    const row = tasksPage.rows.nth(i);
    await expect(row).toHaveAttribute('data-task-id', task.id);
    await expect(row.getByRole('checkbox', { name: task.title })).not.toBeChecked();
    await expect(row.getByRole('link', { name: `${c.caseNumber} ${c.title}` })).toHaveAttribute('href', `#/follow-up/${encodeURIComponent(c.id)}`);
    await expect(row).toContainText(t.caseTypes[c.type]);
    // Overdue and due soon are said in words, not by colour alone.
    if (task.due < TODAY) await expect(row).toContainText(t.overview.overdue);
    else await expect(row).not.toContainText(t.overview.overdue);
  }
  await expectAccessible(page);

  // Keyboard only: Tab to the first task and tick it off with Space.
  const [first, second] = expected;
  await tasksPage.tabTo(tasksPage.row(first!.task.id).getByRole('checkbox'));
  await page.keyboard.press('Space');
  await expect(tasksPage.status).toHaveText(text.ticked(first!.task.title));
  await expect(tasksPage.row(first!.task.id)).toHaveCount(0);
  await expect(tasksPage.checkboxes).toHaveCount(expected.length - 1);
  // Focus moves on to the task that took its place.
  await expect(tasksPage.row(second!.task.id).getByRole('checkbox')).toBeFocused();
  await expect(tasksPage.navLink).toHaveAccessibleName(`${t.nav.tasks} (${text.navBadge(expected.length - 1)})`);

  await page.reload();
  await expect(tasksPage.heading).toBeVisible();
  await expect(tasksPage.checkboxes).toHaveCount(expected.length - 1);
  await expect(tasksPage.row(first!.task.id)).toHaveCount(0);

  // The done task is there with the switch on, ticked and marked done, and can be opened again.
  await tasksPage.tabTo(tasksPage.showDone);
  await page.keyboard.press('Space');
  await expect(tasksPage.showDone).toBeChecked();
  const done = tasksPage.row(first!.task.id);
  await expect(done.getByRole('checkbox', { name: first!.task.title })).toBeChecked();
  await expect(done).toContainText(text.done);
  await expect(done).not.toContainText(t.overview.overdue);
  await expect(tasksPage.rows.last()).toHaveAttribute('data-task-id', first!.task.id);
  await expectAccessible(page);

  // Enter on a task's case link opens the case.
  const link = tasksPage.row(second!.task.id).getByRole('link');
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/follow-up/${encodeURIComponent(second!.case.id)}$`));
});

test('my tasks in English', async ({ page, shell }) => {
  const tasksPage = new TasksPage(page);
  await tasksPage.openDemo(CASES);
  await shell.languageButton('en').click();
  const english = new TasksPage(page, 'en');
  await expect(english.heading).toBeVisible();
  await expect(english.checkboxes).toHaveCount(expected.length);
  const overdue = expected.find(({ task }) => task.due < TODAY)!;
  await expect(english.row(overdue.task.id)).toContainText(english.t.overview.overdue);
  await expectAccessible(page);
});
