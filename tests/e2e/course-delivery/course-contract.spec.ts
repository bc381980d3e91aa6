import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { demoUsers } from '../../../dev/demo-data';
import { caseTexts } from '../../../src-renderer/features/case/case-text';
import { contractTexts } from '../../../src-renderer/features/course-delivery/contract/contract-text';
import { followUpTexts } from '../../../src-renderer/features/follow-up/follow-up-text';
import type { CourseDeliveryCase } from '../../../src-shared/domain/course-delivery';
import { pdfsig, pdfText } from '../../integration/documents/tools';
import { expectAccessible } from '../support/axe';
import { demoData } from '../support/demo-expectations';
import { expect, test } from '../support/fixtures';

const CASES = 300;
const SEEDING_TIMEOUT_MS = 30_000;
const t = contractTexts.nb;
const users = new Set(demoUsers().map((user) => user.userId));
/**
 * A demo course whose contract is sent (the demo data has no planned course; sending is covered by
 * contract-steps.test.ts), with a department head and teaching resource to act as.
 */
const course = (demoData(CASES).cases as unknown as CourseDeliveryCase[]).find(
  (c) => c.type === 'courseDelivery' && c.status === 'contractSent' && users.has(`u-avdleder-${c.department}`) && users.has(c.details.teachingResource.userId),
)!;
const head = `u-avdleder-${course.department}`;
const teacher = course.details.teachingResource;

async function actAs(page: Page, userId: string): Promise<void> {
  await page.getByRole('combobox', { name: caseTexts.nb.actingUser.label }).selectOption(userId);
}

test('the course contract: previewed, signed on screen by the teaching resource, countersigned and archived by the head', async ({ page, dataDir }) => {
  expect(course, 'the demo data has a course whose contract is sent').toBeDefined();
  await page.goto(`/?demoCases=${CASES}#/kurs/${course.id}`);
  await expect(page.getByRole('heading', { level: 1, name: course.title })).toBeVisible({ timeout: SEEDING_TIMEOUT_MS });
  const panel = page.getByRole('region', { name: t.heading });

  await actAs(page, teacher.userId);
  await expect(panel.getByText(t.waitingForSignature(teacher.name))).toBeVisible();
  await panel.getByRole('button', { name: t.preview }).click();
  await expect(panel.locator(`iframe[title="${t.previewTitle}"]`)).toBeVisible();
  await expect(panel.getByRole('heading', { name: t.sign.heading(teacher.name) })).toBeVisible();
  await expectAccessible(page);
  await panel.getByRole('button', { name: followUpTexts.nb.signature.useTyped }).click();
  await panel.getByRole('button', { name: t.sign.button }).click();
  await expect(panel.getByText(t.waitingForCountersignature)).toBeVisible();

  await actAs(page, head);
  // The contract is filed in the course's own case folder: nobody's national ID is asked for.
  await expect(panel.getByRole('textbox')).toHaveCount(0);
  await panel.getByRole('button', { name: t.countersign.button }).click();
  await expect(panel.getByText(/Kontrasignert og arkivert/)).toBeVisible();
  await expect(panel.getByRole('status')).toContainText('Kontrakten er sendt til arkivering');
  await panel.getByRole('button', { name: t.showSigned }).click();
  await expect(panel.locator(`iframe[title="${t.signedTitle}"]`)).toBeVisible();
  await expectAccessible(page);

  // The kept PDF: the drawn signature placed in it, the head's countersignature valid over all of it.
  const folder = join(dataDir, 'documents');
  const [file] = (await readdir(folder)).filter((name) => name.endsWith('.pdf'));
  const pdf = await readFile(join(folder, file!));
  expect(await pdfsig(pdf)).toMatchObject([{ valid: true, coversAll: true }]);
  const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
  expect(text).toContain(teacher.name);
  expect(text).toContain(course.details.course.name);
  expect(text).toContain('Signert på skjerm');
});
