import { DEMO_STUDENT_ID } from '../../../dev/demo-data/demo-users';
import { followUpStatusLabels } from '../../../src-shared/domain/follow-up/follow-up.schema';
import { nb } from '../../../src-renderer/i18n/nb';
import { expectAccessible } from '../support/axe';
import { test, expect } from '../support/fixtures';
import { FollowUpPages } from './follow-up-pages';

test('a note is internal unless the coordinator shares it with the student, and each note shows which', async ({ page }) => {
  const followUp = new FollowUpPages(page);
  const t = followUp.t;
  const labels = nb.casePage;
  await followUp.openQueue(10);
  await page.getByRole('link', { name: t.queue.report }).click();
  await page.getByRole('textbox', { name: t.report.searchStudent, exact: true }).fill('Ingrid');
  await page.getByRole('combobox', { name: t.report.student, exact: true }).selectOption(DEMO_STUDENT_ID);
  await page.getByRole('combobox', { name: t.report.course }).selectOption('SYK1001');
  await page.getByRole('checkbox', { name: t.concernKinds.subjectDifficulties }).check();
  await page.getByRole('textbox', { name: t.report.description, exact: true }).fill('Strever med anatomi.');
  await page.getByRole('button', { name: t.report.open }).click();
  await expect(page.getByRole('region', { name: t.casePage.facts })).toContainText(followUpStatusLabels.open.nb);

  const choice = page.getByRole('group', { name: labels.noteVisibility });
  await expect(choice.getByRole('radio', { name: labels.noteVisibilities.internal })).toBeChecked();
  await followUp.writeNote('Internt notat om fraværet.');
  await expect(followUp.notes).toHaveCount(1);
  await choice.getByRole('radio', { name: labels.noteVisibilities.shared }).check();
  await followUp.writeNote('Avtalt med studenten: veiledning hver uke.');
  await expect(followUp.notes).toHaveCount(2);
  // The form starts over as internal; each note says who sees it.
  await expect(choice.getByRole('radio', { name: labels.noteVisibilities.internal })).toBeChecked();
  await expect(followUp.notes.filter({ hasText: 'Internt notat' })).toContainText(labels.noteVisibilities.internal);
  await expect(followUp.notes.filter({ hasText: 'Avtalt med studenten' })).toContainText(labels.noteVisibilities.shared);
  await expectAccessible(page);
});
