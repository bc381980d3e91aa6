import { importDocuments } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import { fetchBlockLabels, fsStatusOf, type ApprovalCase } from '../../../src-shared/domain/approval';
import { dictionaries } from '../../../src-renderer/i18n/dictionary';
import { formatDate } from '../../../src-renderer/i18n/format';
import { seedStudents, TESTPERSON1 } from '../../stand-ins/result-sources-server';
import { expectAccessible } from '../support/axe';
import { serverDemoData } from '../sync/support/central-server';
import { signedIn } from '../sync/support/sign-in';
import { expect, SYNC_SETTLE_MS, SYNC_TEST_TIMEOUT_MS } from '../sync/support/sync-fixtures';
import { DOWN, test } from './approval-fixtures';
import { demoCase, expectDone, expectStatus, fact, institutionRow, progressText, stepLabel, t, WITH_CONSENT, WITHOUT_CONSENT } from './approval-page';

/**
 * The approval screens against the real central server and the institutions' stand-in
 * (approval-fixtures.ts). The demo data's Testperson1 case waits for a fetch with the student's
 * yes; Testperson2's case is made to lack a consent.
 */
test.describe.configure({ timeout: SYNC_TEST_TIMEOUT_MS });

const cases = defaultSyncCollections().find((collection) => collection.name === 'cases')!;

test('the case officer orders a result fetch offline, follows the answers as they sync in, accepts them and sees what a second fetch changes', async ({
  laptop,
  server,
  sources,
}) => {
  const { page } = laptop;
  expect(demoCase(WITH_CONSENT)).toMatchObject({ status: 'processing', details: { consent: { answer: 'J' }, fetches: [] } });
  expect(serverDemoData.people.find((person) => person.id === demoCase(WITH_CONSENT).subjectPersonId)?.nationalId).toBe(TESTPERSON1);
  const { consent: _consent, ...withoutConsent } = demoCase(WITHOUT_CONSENT).details;
  // Registered anew, without a consent: the case officer starts it and finds the fetch blocked.
  await importDocuments(server.db, cases, [{ ...demoCase(WITHOUT_CONSENT), status: 'registered', details: withoutConsent }], { actorId: null, action: 'test' });

  const status = await signedIn(page, 'caseOfficer');

  // The queue: open approval cases with their FS status, soonest deadline first.
  await page.getByRole('navigation').getByRole('link', { name: dictionaries.nb.nav.approval, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.queue.title);
  const queue = page.getByRole('table', { name: t.queue.title, exact: true });
  const firstRow = queue.getByRole('row').filter({ has: page.getByRole('link', { name: demoCase(WITH_CONSENT).title }) });
  await expect(firstRow).toContainText(fsStatusOf.processing);
  await expectAccessible(page);

  // Without a consent the fetch cannot be ordered, and the page says why.
  await queue.getByRole('link', { name: demoCase(WITHOUT_CONSENT).title }).click();
  await expect(fact(page, t.casePage.fsStatus)).toContainText('MOTTATT');
  await page.getByRole('button', { name: stepLabel('startProcessing') }).click();
  await expectDone(page, 'startProcessing');
  await expectStatus(page, 'processing');
  await expect(page.getByText(t.consent.none)).toBeVisible();
  await expect(page.getByRole('button', { name: stepLabel('orderResultFetch') })).toBeDisabled();
  await expect(page.getByText(t.steps.orderBlocked(fetchBlockLabels.noConsent.nb))).toBeVisible();
  await expectAccessible(page);

  // Asking for it and recording the student's yes opens the way.
  await page.getByRole('button', { name: stepLabel('requestConsent') }).click();
  await expectStatus(page, 'awaitingConsent');
  await page.getByRole('radio', { name: t.consent.answers.J }).check();
  await page.getByRole('button', { name: stepLabel('recordConsent') }).click();
  await expectDone(page, 'recordConsent');
  await expectStatus(page, 'processing');
  await expect(fact(page, t.consent.answer)).toHaveText(t.consent.answers.J);
  await expect(page.getByRole('button', { name: stepLabel('orderResultFetch') })).toBeEnabled();
  await expectAccessible(page);

  // With the server away, the order is a change that waits to sync.
  await page.getByRole('link', { name: t.casePage.back }).click();
  await page.getByRole('link', { name: demoCase(WITH_CONSENT).title }).click();
  await expectStatus(page, 'processing');
  laptop.expectFailedRequests(server.url);
  await server.stop();
  await expect(status.connection).toHaveText(status.text.phases.offline, { timeout: SYNC_SETTLE_MS });
  await page.getByRole('button', { name: stepLabel('orderResultFetch') }).click();
  await expectDone(page, 'orderResultFetch');
  await expect(page.getByRole('status').filter({ hasText: t.outcome.integration })).toBeVisible();
  await expectStatus(page, 'fetchingResults');
  await expect(page.getByText(t.fetch.waitingForServer)).toBeVisible();
  await expectAccessible(page);
  expect((await server.storedCase(WITH_CONSENT))?.status).toBe('processing');

  // Back online: the order syncs, the server's job asks every institution and the answers come in.
  await server.start();
  await status.syncNow.click();
  const asked = sources.sources().length;
  await expect(progressText(page)).toContainText(t.fetch.progress(asked, asked), { timeout: SYNC_SETTLE_MS });
  await expectStatus(page, 'processing');
  await expect(page.getByRole('progressbar', { name: t.fetch.progressLabel })).toHaveJSProperty('value', asked);
  await expect(institutionRow(page, '216')).toContainText(t.fetch.importedCount(3));
  const stored = (await server.storedCase(WITH_CONSENT)) as ApprovalCase;
  const retryOn = stored.details.fetches[0]?.answers.find((answer) => answer.code === DOWN)?.retryOn ?? '';
  expect(retryOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await expect(institutionRow(page, DOWN)).toContainText(t.fetch.outcomes.sourceUnavailable);
  await expect(institutionRow(page, DOWN)).toContainText(t.fetch.retryOn(formatDate(retryOn, t.locale)));
  const fetched = page.getByRole('table', { name: t.results.heading, exact: true });
  await expect(fetched.locator('tr[data-result="RES-100"]')).toContainText('Resultatutveksling, innføring');
  await expect(fetched).toContainText('Bachelor i informatikk');
  await expect(fetched).toContainText(t.results.thesis('Utveksling av resultat mellom studieadministrative system'));
  const diff = page.getByRole('table', { name: t.diff.heading, exact: true });
  await expect(diff.locator('tr[data-diff="newQualification"]')).toContainText('BAINF');
  await expect(diff.locator('tr[data-diff="newResult"]')).toHaveCount(2);
  await expectAccessible(page);

  // Accepting makes them the case's results; the step syncs to the server.
  await page.getByRole('button', { name: t.diff.accept }).click();
  await expectDone(page, 'acceptFetchedResults');
  const accepted = page.getByRole('table', { name: t.results.accepted, exact: true }).locator('tr[data-result="RES-100"]');
  await expect(accepted.getByRole('cell').last()).toHaveText('B');
  await expect(diff).toHaveCount(0);
  await expect
    .poll(async () => ((await server.storedCase(WITH_CONSENT)) as ApprovalCase | undefined)?.details.acceptedFetches.length, { timeout: SYNC_SETTLE_MS })
    .toBe(1);

  // The institution improves a grade and adds a course; a second fetch shows the change before it is accepted.
  const [seeded] = seedStudents().filter((student) => student.code === '216');
  const results = (seeded?.student.results ?? []).map((result) => (result.code === 'RES-100' ? { ...result, grade: 'A' } : result));
  sources.setResults('216', TESTPERSON1, [
    ...results,
    { category: 'course', code: 'INF250', nameNb: 'Databaser', nameEn: 'Databases', term: '2013 HØST', credits: 10, grade: 'C', qualificationCode: 'BAINF' },
  ]);
  await page.getByRole('button', { name: stepLabel('orderResultFetch') }).click();
  await expectDone(page, 'orderResultFetch');
  await expect(page.getByRole('heading', { name: /^Henting 2, bestilt / })).toBeVisible();
  await expect(progressText(page)).toContainText(t.fetch.progress(asked, asked), { timeout: SYNC_SETTLE_MS });
  await expect(diff.locator('tr[data-diff="improvedGrade"]')).toContainText('RES-100');
  await expect(diff.locator('tr[data-diff="improvedGrade"]')).toContainText('B, 10');
  await expect(diff.locator('tr[data-diff="improvedGrade"]')).toContainText('A, 10');
  await expect(diff.locator('tr[data-diff="newResult"]')).toContainText('INF250');
  await expect(page.getByText(t.diff.unchanged(2))).toBeVisible();
  await expect(page.getByRole('table', { name: t.history.heading, exact: true }).getByRole('row')).toHaveCount(3);
  await expectAccessible(page);
});
