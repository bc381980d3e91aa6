import type { Locator, Page } from '@playwright/test';
import { caseTexts } from '../../../src-renderer/features/case/case-text';
import { courseDeliveryTexts } from '../../../src-renderer/features/course-delivery/course-delivery-text';
import { courseOverviewRows } from '../../../src-renderer/features/course-delivery/overview/course-overview';
import { tasksTexts } from '../../../src-renderer/features/tasks/tasks-text';
import { dictionaries } from '../../../src-renderer/i18n/dictionary';
import type { CourseDeliveryCase } from '../../../src-shared/domain/course-delivery';
import { checklistStateLabels, checklistStep, myChecklistTasks } from '../../../src-shared/domain/course-delivery/checklist';
import { demoUsers } from '../../../dev/demo-data';
import { expectAccessible } from '../support/axe';
import { demoData, TODAY } from '../support/demo-expectations';
import { expect, test } from '../support/fixtures';

const CASES = 300;
const SEEDING_TIMEOUT_MS = 30_000;
const text = courseDeliveryTexts.nb;
const t = dictionaries.nb;
const courses = demoData(CASES).cases.filter((c) => c.type === 'courseDelivery') as unknown as CourseDeliveryCase[];
const head = demoUsers().find((user) => user.userId === 'u-avdleder-helse')!;
/** The head's course running on the pinned "today", with its checklist not begun: its first step is overdue. */
const course = courses.find(
  (c) => c.department === 'helse' && c.status === 'inProgress' && c.details.course.startDate <= TODAY && TODAY <= c.details.course.endDate,
)!;
const teacher = course.details.teachingResource.userId;
const label = (stepId: string) => checklistStep(stepId)!.label.nb;
const REFERENCE = '26/00123-4';

async function actAs(page: Page, userId: string): Promise<void> {
  await page.getByRole('combobox', { name: caseTexts.nb.actingUser.label }).selectOption(userId);
}

/** The timeline's table row of a step, and its record form once chosen there. */
const stepRow = (page: Page, stepId: string) => page.locator(`tr[data-step-id="${stepId}"]`);
const recordForm = (page: Page) => page.getByTestId('step-record-form');

async function record(page: Page, stepId: string, state: keyof typeof checklistStateLabels, fields: { reference?: string } = {}): Promise<Locator> {
  await stepRow(page, stepId)
    .getByRole('button', { name: text.timeline.record(label(stepId)) })
    .click();
  const form = recordForm(page);
  await expect(form.getByRole('heading', { name: text.record.heading(label(stepId)) })).toBeFocused();
  await form.getByRole('radio', { name: checklistStateLabels[state].nb }).check();
  if (fields.reference !== undefined) await form.getByRole('textbox', { name: text.references.p360 }).fill(fields.reference);
  await form.getByRole('button', { name: text.record.save }).click();
  return form;
}

test('the course checklist: timeline with today and what is overdue, in Mine oppgaver too; a step recorded with its P360 reference stays after reload', async ({
  page,
}) => {
  expect(course, 'the demo data has a running health course').toBeDefined();
  const expectedRows = courseOverviewRows(head, courses, TODAY);
  const mine = myChecklistTasks(head, courses, TODAY).filter((task) => task.caseId === course.id);
  expect(mine.map((task) => [task.step.id, task.overdue])).toEqual([['informOperations', true]]);

  // Mine kurs: the head's running courses, each with its overdue steps in words.
  await page.goto(`/?demoCases=${CASES}#/kurs`);
  await expect(page.getByRole('heading', { level: 1, name: text.overview.title })).toBeVisible({ timeout: SEEDING_TIMEOUT_MS });
  await actAs(page, head.userId);
  const overview = page.getByRole('table', { name: text.overview.tableLabel });
  await expect(overview.locator('tbody tr')).toHaveCount(expectedRows.length);
  const row = overview.locator(`tr[data-case-id="${course.id}"]`);
  const expected = expectedRows.find((r) => r.caseDoc.id === course.id)!;
  await expect(row).toContainText(text.timeline.overdueCount(expected.overdue));
  await expect(
    row.getByRole('img', { name: text.overview.rowTimeline(`${course.details.course.code} ${course.details.course.name}`, expected.overdue) }),
  ).toBeVisible();
  await expectAccessible(page);

  // The course's page: the bands before / during / after, today's line, the overdue first step.
  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: course.title })).toBeVisible();
  const timeline = page.getByTestId('course-timeline');
  await expect(timeline).toHaveAttribute('role', 'img');
  for (const band of ['before', 'during', 'after']) await expect(timeline.locator(`[data-band="${band}"]`)).toHaveCount(1);
  await expect(timeline.getByTestId('course-timeline-today')).toContainText(text.timeline.today);
  await expect(timeline.locator('[data-step-id="informOperations"]')).toHaveAttribute('data-overdue', 'true');
  await expect(stepRow(page, 'informOperations')).toContainText(text.overdue);
  await expectAccessible(page);

  // Mine oppgaver: the same step, overdue, linking to the course.
  await page
    .getByRole('navigation', { name: t.nav.label })
    .getByRole('link', { name: new RegExp(`^${t.nav.tasks}`) })
    .click();
  const steps = page.getByRole('list', { name: tasksTexts.nb.checklist.heading });
  const task = steps.locator(`li[data-case-id="${course.id}"][data-step-id="informOperations"]`);
  await expect(task).toContainText(label('informOperations'));
  await expect(task).toContainText(t.overview.overdue);
  await expectAccessible(page);
  await task.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: course.title })).toBeVisible();

  // A step chosen on the drawing opens its form; one that waits for others is closed, saying for what.
  await timeline.locator('[data-step-id="contractArchived"]').click({ force: true });
  await expect(recordForm(page)).toContainText(text.record.waitsFor(`«${label('contractSigned')}»`));
  await expect(recordForm(page).getByRole('button', { name: text.record.save })).toBeDisabled();

  // The head informs and sends the contract; the teaching resource signs it; the head archives it with its P360 number.
  await expect(await record(page, 'informOperations', 'done')).toContainText(text.record.saved(label('informOperations'), checklistStateLabels.done.nb));
  await expect(await record(page, 'contractSent', 'done')).toContainText(text.record.saved(label('contractSent'), checklistStateLabels.done.nb));
  await actAs(page, teacher);
  await expect(await record(page, 'contractSigned', 'done')).toContainText(text.record.saved(label('contractSigned'), checklistStateLabels.done.nb));
  await actAs(page, head.userId);
  // Done without its reference is refused before anything is saved.
  const form = await record(page, 'contractArchived', 'done');
  await expect(form).toContainText(text.record.referenceMissing(text.references.p360));
  await form.getByRole('textbox', { name: text.references.p360 }).fill(REFERENCE);
  await form.getByRole('button', { name: text.record.save }).click();
  await expect(form).toContainText(text.record.saved(label('contractArchived'), checklistStateLabels.done.nb));
  await expectAccessible(page);

  await page.reload();
  await expect(stepRow(page, 'contractArchived')).toContainText(checklistStateLabels.done.nb, { timeout: SEEDING_TIMEOUT_MS });
  await expect(stepRow(page, 'contractArchived')).toContainText(text.timeline.reference(REFERENCE));
  await expect(timeline.locator('[data-step-id="contractArchived"]')).toHaveAttribute('data-state', 'done');
  await expect(timeline.locator('[data-step-id="informOperations"]')).toHaveAttribute('data-overdue', 'false');
  await expect(stepRow(page, 'informOperations')).not.toContainText(text.overdue);
});
