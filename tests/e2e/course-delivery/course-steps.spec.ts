import type { Page } from '@playwright/test';
import { caseTexts } from '../../../src-renderer/features/case/case-text';
import { courseDeliveryTexts } from '../../../src-renderer/features/course-delivery/course-delivery-text';
import { stepsTexts } from '../../../src-renderer/features/course-delivery/steps/steps-text';
import { courseDeliveryStatusLabels, courseDeliveryWorkflow, type CourseDeliveryCase } from '../../../src-shared/domain/course-delivery';
import { expectAccessible } from '../support/axe';
import { demoData, TODAY } from '../support/demo-expectations';
import { expect, test } from '../support/fixtures';

const CASES = 300;
const SEEDING_TIMEOUT_MS = 30_000;
const pageText = courseDeliveryTexts.nb.page;
const t = stepsTexts.nb;
/** The operations consultant of the demo data, who sends and records the evaluation. */
const CONSULTANT = 'u-driftskonsulent';
/** A demo course running on the pinned "today": its evaluation is the consultant's to send and record. */
const courses = (demoData(CASES).cases as unknown as CourseDeliveryCase[]).filter((c) => c.type === 'courseDelivery');
const course = courses.find((c) => c.status === 'inProgress' && c.details.course.startDate <= TODAY && TODAY <= c.details.course.endDate)!;
/** A demo course whose contract is archived: the consultant publishes it, its department head may cancel it. */
const archived = courses.find((c) => c.status === 'contractArchived')!;
const label = (event: string) => courseDeliveryWorkflow.eventLabel(event)!.nb;
const currentStatus = (status: keyof typeof courseDeliveryStatusLabels) => caseTexts.nb.workflow.currentIs(courseDeliveryStatusLabels[status].nb);
const FINDINGS = 'Deltakerne vil ha flere praktiske øvelser og mer tid til veiledning.';

async function actAs(page: Page, userId: string): Promise<void> {
  await page.getByRole('combobox', { name: caseTexts.nb.actingUser.label }).selectOption(userId);
}

/** A step's form, opened under its name in the next steps. */
async function openStep(page: Page, event: string) {
  const steps = page.getByRole('region', { name: pageText.steps });
  await steps.getByText(t.open(label(event))).click();
  return steps.getByRole('form', { name: label(event) });
}

test('course steps with input: a bad evaluation link and empty findings are refused at their fields; the recorded evaluation moves the course on and stays after reload', async ({
  page,
}) => {
  expect(course, 'the demo data has a course running today').toBeDefined();
  await page.goto(`/?demoCases=${CASES}#/kurs/${course.id}`);
  await expect(page.getByRole('heading', { level: 1, name: course.title })).toBeVisible({ timeout: SEEDING_TIMEOUT_MS });
  await actAs(page, CONSULTANT);
  const diagram = page.getByRole('img', { name: courseDeliveryTexts.nb.page.workflowTitle });
  await expect(diagram).toHaveAccessibleName(new RegExp(literal(currentStatus('inProgress'))));

  // The evaluation's link: an address without https:// is refused at the field, naming it.
  const linkLabel = t.fields.sendEvaluation.link.label;
  const send = await openStep(page, 'sendEvaluation');
  await send.getByRole('textbox', { name: linkLabel }).fill('nettskjema.no/a/evu-123');
  await send.getByRole('button', { name: label('sendEvaluation') }).click();
  const linkProblem = t.problem({ code: 'url' }, linkLabel);
  await expect(send.getByRole('textbox', { name: linkLabel })).toHaveAccessibleDescription(new RegExp(literal(linkProblem)));
  await expect(send.getByRole('textbox', { name: linkLabel })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await send.getByRole('textbox', { name: linkLabel }).fill('https://nettskjema.no/a/evu-123');
  await send.getByRole('button', { name: label('sendEvaluation') }).click();
  await expect(page.getByRole('status').filter({ hasText: pageText.done(label('sendEvaluation')) })).toBeVisible();
  await expect(diagram).toHaveAccessibleName(new RegExp(literal(currentStatus('inProgress'))));

  // The evaluation: empty findings are refused at the field; recorded, the course is evaluated.
  const findingsLabel = t.fields.evaluate.findings.label;
  const evaluate = await openStep(page, 'evaluate');
  await evaluate.getByRole('spinbutton', { name: t.fields.evaluate.responseRate.label }).fill('64');
  await evaluate.getByRole('button', { name: label('evaluate') }).click();
  const findingsProblem = t.problem({ code: 'required' }, findingsLabel);
  await expect(evaluate.getByRole('textbox', { name: findingsLabel })).toHaveAccessibleDescription(new RegExp(literal(findingsProblem)));
  await expect(diagram).toHaveAccessibleName(new RegExp(literal(currentStatus('inProgress'))));
  await evaluate.getByRole('textbox', { name: findingsLabel }).fill(FINDINGS);
  await evaluate.getByRole('button', { name: label('evaluate') }).click();
  await expect(page.getByRole('status').filter({ hasText: pageText.done(label('evaluate')) })).toBeVisible();
  await expect(diagram).toHaveAccessibleName(new RegExp(literal(currentStatus('evaluated'))));
  await expect(page.getByText(t.open(label('evaluate')))).toHaveCount(0);
  await expectAccessible(page);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: course.title })).toBeVisible({ timeout: SEEDING_TIMEOUT_MS });
  await expect(page.getByRole('img', { name: courseDeliveryTexts.nb.page.workflowTitle })).toHaveAccessibleName(
    new RegExp(literal(currentStatus('evaluated'))),
  );
  await expect(page.getByText(t.open(label('evaluate')))).toHaveCount(0);
});

test('publishing asks for full addresses; cancelling asks for a reason and a confirmation', async ({ page }) => {
  expect(archived, 'the demo data has a course whose contract is archived').toBeDefined();
  await page.goto(`/?demoCases=${CASES}#/kurs/${archived.id}`);
  await expect(page.getByRole('heading', { level: 1, name: archived.title })).toBeVisible({ timeout: SEEDING_TIMEOUT_MS });
  await actAs(page, CONSULTANT);
  const diagram = page.getByRole('img', { name: pageText.workflowTitle });

  const { url, registrationUrl } = t.fields.publish;
  const publish = await openStep(page, 'publish');
  await publish.getByRole('textbox', { name: url.label }).fill('www.hifj.no/evu/kurs');
  await publish.getByRole('button', { name: label('publish') }).click();
  await expect(publish.getByRole('textbox', { name: url.label })).toHaveAccessibleDescription(new RegExp(literal(t.problem({ code: 'url' }, url.label))));
  await expect(publish.getByRole('textbox', { name: registrationUrl.label })).toHaveAccessibleDescription(
    new RegExp(literal(t.problem({ code: 'url' }, registrationUrl.label))),
  );
  await expectAccessible(page);
  await publish.getByRole('textbox', { name: url.label }).fill('https://www.hifj.no/evu/kurs');
  await publish.getByRole('textbox', { name: registrationUrl.label }).fill('https://www.hifj.no/evu/kurs/pamelding');
  await publish.getByRole('button', { name: label('publish') }).click();
  await expect(diagram).toHaveAccessibleName(new RegExp(literal(currentStatus('published'))));

  await actAs(page, `u-avdleder-${archived.department}`);
  const cancel = await openStep(page, 'cancel');
  await cancel.getByRole('textbox', { name: t.fields.cancel.reason.label }).fill('For få påmeldte.');
  await cancel.getByRole('button', { name: label('cancel') }).click();
  const confirm = cancel.getByRole('checkbox', { name: t.fields.cancel.confirmed.label });
  await expect(confirm).toHaveAccessibleDescription(new RegExp(literal(t.problem({ code: 'confirm' }, t.fields.cancel.confirmed.label))));
  await expect(diagram).toHaveAccessibleName(new RegExp(literal(currentStatus('published'))));
  await expectAccessible(page);
  await confirm.check();
  await cancel.getByRole('button', { name: label('cancel') }).click();
  await expect(diagram).toHaveAccessibleName(new RegExp(literal(currentStatus('cancelled'))));
  await expect(page.getByRole('region', { name: pageText.steps })).toContainText(pageText.noSteps);
});

/** A text as a literal part of a pattern. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
