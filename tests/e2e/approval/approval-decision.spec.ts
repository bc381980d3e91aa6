import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { caseTexts } from '../../../src-renderer/features/case/case-text';
import { DEFAULT_LEGAL_BASIS } from '../../../src-renderer/features/approval/decision-form.schema';
import { DECISION_TITLE } from '../../../src-renderer/features/approval/decision-input';
import { dictionaries } from '../../../src-renderer/i18n/dictionary';
import { formatDate } from '../../../src-renderer/i18n/format';
import type { ApprovalCase } from '../../../src-shared/domain/approval';
import { openSealedFile, pdfsig, pdfText } from '../../integration/documents/tools';
import { mailHeader, pdfAttachment } from '../../stand-ins/smtp-server';
import { expectAccessible } from '../support/axe';
import { serverDemoData } from '../sync/support/central-server';
import { signedIn } from '../sync/support/sign-in';
import { expect, SYNC_SETTLE_MS, SYNC_TEST_TIMEOUT_MS } from '../sync/support/sync-fixtures';
import { test } from './approval-fixtures';
import { demoCase, expectDone, expectStatus, progressText, stepLabel, t, WITH_CONSENT } from './approval-page';

test.describe.configure({ timeout: SYNC_TEST_TIMEOUT_MS });

const documentTexts = caseTexts.nb.documents;

test('the case officer decides per course on the accepted results: the letter is sealed, archived and e-mailed to the student, and the case closes only after the appeal period', async ({
  laptop,
  server,
  sources,
  mail,
}) => {
  const { page, dataDir } = laptop;
  const caseDoc = demoCase(WITH_CONSENT);
  const student = serverDemoData.people.find((person) => person.id === caseDoc.subjectPersonId);
  await signedIn(page, 'caseOfficer');
  await page.getByRole('navigation').getByRole('link', { name: dictionaries.nb.nav.approval, exact: true }).click();
  await page.getByRole('link', { name: caseDoc.title }).click();
  await expectStatus(page, 'processing');

  // Fetch and accept: RES-100 (10 sp) and INF300 (20 sp) towards BAINF at 216.
  await page.getByRole('button', { name: stepLabel('orderResultFetch') }).click();
  const asked = sources.sources().length;
  await expect(progressText(page)).toContainText(t.fetch.progress(asked, asked), { timeout: SYNC_SETTLE_MS });
  await page.getByRole('button', { name: t.diff.accept }).click();
  await expectDone(page, 'acceptFetchedResults');

  // One row per accepted course, approved with all its credits to start with.
  const decision = page.getByRole('region', { name: t.decision.heading, exact: true });
  const res100 = decision.getByRole('group', { name: t.decision.courseLegend('RES-100', 'Resultatutveksling, innføring', '2012 HØST', 10) });
  const inf300 = decision.getByRole('group', { name: t.decision.courseLegend('INF300', 'Bacheloroppgåve i informatikk', '2014 VÅR', 20) });
  await expect(res100.getByLabel(t.decision.credits)).toHaveValue('10');
  await expect(decision.getByLabel(t.decision.legalBasis)).toHaveValue(DEFAULT_LEGAL_BASIS);
  await expect(decision.getByTestId('approval-decision-summary')).toHaveText(t.decision.summary(t.decision.verdicts.approved, '30'));

  // Partly approved with all the credits breaks the shared rule: said at the field.
  await inf300.getByLabel(t.decision.verdict).selectOption({ label: t.decision.verdicts.partlyApproved });
  await res100.getByLabel(t.decision.courseGrounds).fill('Emnet svarer til RES-100 i vårt program.');
  await inf300.getByLabel(t.decision.courseGrounds).fill('Oppgaven dekker tre firedeler av vår bacheloroppgave; metodedelen mangler.');
  await decision.getByLabel(t.decision.grounds).fill('Utdanningen er faglig likeverdig med våre emner, med unntak av metodedelen i oppgåva.');
  await decision.getByRole('button', { name: t.decision.decide }).click();
  await expect(inf300.getByText(t.decision.creditsMisfit.partlyApproved(20))).toBeVisible();
  await expectStatus(page, 'processing');
  await inf300.getByLabel(t.decision.credits).fill('15');
  await expect(inf300.getByText(t.decision.creditsMisfit.partlyApproved(20))).toHaveCount(0);
  await expect(decision.getByTestId('approval-decision-summary')).toHaveText(t.decision.summary(t.decision.verdicts.partlyApproved, '25'));

  // The preview, then the decision: sealed in the main process before the case is saved.
  await decision.getByRole('button', { name: t.decision.preview }).click();
  await expect(page.locator(`iframe[title="${t.decision.previewTitle}"]`)).toBeVisible();
  await expectAccessible(page);
  await decision.getByRole('button', { name: t.decision.decide }).click();
  await expectDone(page, 'decide');
  await expectStatus(page, 'decided');
  await expect(page.getByRole('img', { name: new RegExp(`^${t.casePage.workflowTitle} `) })).toHaveAccessibleName(/«Vedtak fattet»/);
  await expect(page.getByRole('status').filter({ hasText: t.outcome.document(DECISION_TITLE) })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: caseTexts.nb.letters.queued(documentTexts.kinds.decision) })).toBeVisible();

  // The document list: archived in the folder archive, queued for the Noark 5 package, handed to the server as a letter.
  const documents = page.getByRole('table', { name: documentTexts.heading, exact: true });
  const row = documents.getByRole('row').filter({ hasText: DECISION_TITLE });
  await expect(row).toContainText(documentTexts.entry(documentTexts.targets.folder, documentTexts.entryStates.archived), { timeout: SYNC_SETTLE_MS });
  await expect(row).toContainText(documentTexts.targets.noark5);
  await expect(row).toContainText(documentTexts.entry(documentTexts.targets.email, documentTexts.emailStates.archived), { timeout: SYNC_SETTLE_MS });
  await expectAccessible(page);

  // The sealed letter as the folder archive holds it (inside the data folder, so opened as the app does).
  const caseFolder = caseDoc.caseNumber.replace(/[^A-Za-z0-9._-]/g, '-');
  const [file] = (await readdir(join(dataDir, 'archive', caseFolder))).filter((name) => name.startsWith('vedtak-'));
  const sealed = await openSealedFile(dataDir, 'archive', caseFolder, file ?? '');
  expect((await pdfsig(sealed)).map((signature) => [signature.valid, signature.signer])).toEqual([[true, 'Saksflyt demo – virksomhetssegl']]);
  const text = (await pdfText(sealed)).replace(/\s+/g, ' ');
  expect(text).toContain('RES-100 Resultatutveksling, innføring');
  expect(text).toContain('INF300 Bacheloroppgåve i informatikk');
  expect(text).toContain('Delvis godkjent, 15 av 20 studiepoeng');
  expect(text).toContain('Godkjent, 10 av 10 studiepoeng');
  expect(text).toContain('25 av 30 studiepoeng');
  expect(text).toContain('metodedelen i oppgåva');
  expect(text).toContain(DEFAULT_LEGAL_BASIS);
  expect(text).toContain('Du kan klage på vedtaket');
  await expect.poll(async () => (await server.storedCase(WITH_CONSENT))?.status, { timeout: SYNC_SETTLE_MS }).toBe('decided');
  const decided = (await server.storedCase(WITH_CONSENT)) as ApprovalCase;
  const appealDeadline = decided.details.decisionDelivery?.appealDeadline ?? '';
  expect(decided.details.decision).toMatchObject({ outcome: 'partlyApproved', approvedCredits: 25 });

  // The server e-mails the decision letter to the student alone, the sealed PDF attached.
  await expect.poll(() => mail.received.length, { timeout: SYNC_SETTLE_MS }).toBe(1);
  const [letter] = mail.received;
  expect(letter?.to).toEqual([student?.email]);
  expect(mailHeader(letter?.raw ?? '', 'Subject')).toBe(`Vedtak i godkjenningssaken (sak ${caseDoc.caseNumber})`);
  const attached = pdfAttachment(letter?.raw ?? '');
  expect(attached.equals(sealed)).toBe(true);
  expect((await pdfText(attached)).replace(/\s+/g, ' ')).toContain('Delvis godkjent, 15 av 20 studiepoeng');

  // Closing is offered, but refused until the appeal period has run out.
  await expect(page.getByText(t.steps.closeAfter(formatDate(appealDeadline, t.locale)))).toBeVisible();
  await page.getByRole('button', { name: stepLabel('close') }).click();
  await expect(page.getByRole('alert').filter({ hasText: `The appeal period runs until ${appealDeadline}` })).toBeVisible();
  await expectStatus(page, 'decided');
});
