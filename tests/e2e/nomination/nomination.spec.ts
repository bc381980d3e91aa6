import type { Locator, Page } from '@playwright/test';
import { nominationTexts } from '../../../src-renderer/features/nomination/nomination-text';
import { caseTexts } from '../../../src-renderer/features/case/case-text';
import { nb } from '../../../src-renderer/i18n/nb';
import { rankAdmission } from '../../../src-renderer/features/nomination/admission-ranking';
import {
  admissionsOf,
  applicationsToProcess,
  nominationsOf,
  statusCounts,
  type Nomination,
  type StatusFilter,
} from '../../../src-renderer/features/nomination/nomination-queue';
import { demoOrganisation, demoUsers } from '../../../dev/demo-data';
import { demoOffers } from '../../../dev/demo-data/offers';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { nominationStatusLabels, nominationWorkflow } from '../../../src-shared/domain/nomination';
import { expectAccessible } from '../support/axe';
import { demoData, FIXED_NOW } from '../support/demo-expectations';
import { expect, test } from '../support/fixtures';

/** Enough demo cases for an exchange admission with applications under review and submitted. */
const CASES = 600;
const SEEDING_TIMEOUT_MS = 60_000;
const t = nominationTexts.nb;
const bulkText = nb.overview.bulk;
const officer = demoUsers().find((user) => user.userId === 'u-studiekonsulent')!;
const at = FIXED_NOW.toISOString();
const REASON = 'Oppfyller ikke språkkravet (B2).';

const nominations = nominationsOf(demoData(CASES).cases, officer);
const admission = admissionsOf(nominations).find((a) => a.code === 'UTV-OKO-27V')!;
const inStatus = (status: StatusFilter, from = nominations) => applicationsToProcess(from, admission.key, status);

/** The case after a step as the officer, or unchanged when the workflow refuses it. */
function stepped(n: Nomination, event: Record<string, unknown> & { type: string }): Nomination {
  const result = nominationWorkflow.transitionCase(n.case, { at, ...event }, officer);
  return result.ok ? nominationsOf([result.state], officer)[0]! : n;
}

class NominationScreen {
  readonly heading: Locator;
  readonly admission: Locator;
  readonly status: Locator;
  readonly bulk: Locator;
  readonly table: Locator;
  readonly summary: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.admission = page.getByRole('combobox', { name: t.queue.admission });
    this.status = page.getByRole('combobox', { name: t.queue.statusFilter });
    this.bulk = page.getByRole('region', { name: t.bulk.label });
    this.table = page.getByRole('table', { name: t.queue.tableLabel(admission.code) });
    this.summary = this.bulk.getByTestId('bulk-summary');
    this.results = this.bulk.getByRole('list', { name: bulkText.resultsLabel });
  }

  async open(): Promise<void> {
    await this.page.goto(`/?demoCases=${CASES}#/nomination`);
    await expect(this.heading).toHaveText(t.queue.title, { timeout: SEEDING_TIMEOUT_MS });
    await this.page.getByRole('combobox', { name: caseTexts.nb.actingUser.label }).selectOption(officer.userId);
    await this.admission.selectOption(admission.key);
  }

  select(c: Case): Locator {
    return this.table.getByRole('checkbox', { name: t.queue.selectCase(c.caseNumber, c.title) });
  }

  /** Takes a bulk step on the selected applications; `fill` fills in its one field. */
  async take(event: 'qualify' | 'makeOffer' | 'reject', count: number, fill?: (bulk: Locator) => Promise<void>): Promise<void> {
    await this.bulk.getByRole('combobox', { name: t.bulk.step }).selectOption(event);
    await fill?.(this.bulk);
    await this.bulk.getByRole('button', { name: t.bulk.apply(count) }).click();
  }

  async dismissResults(): Promise<void> {
    await this.bulk.getByRole('button', { name: bulkText.dismiss }).click();
  }

  resultOf(c: Case): Locator {
    return this.results.getByRole('listitem').filter({ hasText: c.caseNumber });
  }
}

test('the case officer filters an admission by status, rejects with a reason, qualifies, ranks and offers in bulk', async ({ page }) => {
  const underReview = inStatus('underReview');
  const submitted = inStatus('submitted');
  expect(underReview.length, 'applications under review in the admission').toBeGreaterThanOrEqual(2);
  expect(submitted.length, 'submitted applications in the admission').toBeGreaterThanOrEqual(1);
  const screen = new NominationScreen(page);
  await screen.open();

  // The status filter counts the admission's applications per status.
  const counts = statusCounts(inStatus('all'));
  await expect(screen.status.getByRole('option')).toHaveText([
    t.queue.allStatuses(inStatus('all').length),
    ...counts.map(({ status, count }) => t.queue.statusOption(nominationStatusLabels[status].nb, count)),
  ]);
  await screen.status.selectOption('underReview');
  await expect(screen.table.getByRole('row')).toHaveCount(underReview.length + 1);
  await expectAccessible(page);

  // Reject one with a reason: without one the form says so and nothing is taken.
  const [rejected, ...toQualify] = underReview;
  await screen.select(rejected!.case).check();
  await screen.take('reject', 1);
  await expect(screen.bulk.getByText(t.bulk.reasonProblem)).toBeVisible();
  await screen.take('reject', 1, (bulk) => bulk.getByRole('textbox', { name: t.bulk.reason }).fill(REASON));
  await expect(screen.summary).toHaveText(bulkText.summary(1, 0));
  await expect(screen.resultOf(rejected!.case)).toContainText(bulkText.done);
  await expect(screen.table.getByRole('row')).toHaveCount(toQualify.length + 1);
  await screen.dismissResults();

  // Qualify the rest under review, then the submitted ones: the workflow decides each, and says why it refuses.
  await screen.bulk.getByRole('button', { name: t.bulk.selectAll(toQualify.length) }).click();
  await screen.take('qualify', toQualify.length);
  await expect(screen.summary).toHaveText(bulkText.summary(toQualify.length, 0));
  await screen.dismissResults();
  await screen.status.selectOption('submitted');
  const qualifiable = submitted.filter((n) => stepped(n, { type: 'qualify' }).status === 'qualified');
  await screen.bulk.getByRole('button', { name: t.bulk.selectAll(submitted.length) }).click();
  await screen.take('qualify', submitted.length);
  await expect(screen.summary).toHaveText(bulkText.summary(qualifiable.length, submitted.length - qualifiable.length));
  for (const n of submitted) {
    const step = nominationWorkflow.transitionCase(n.case, { type: 'qualify', at }, officer);
    await expect(screen.resultOf(n.case)).toContainText(step.ok ? bulkText.done : bulkText.refused(bulkText.reasons[step.reason]));
  }
  await expectAccessible(page);
  await screen.dismissResults();

  // Rank the admission: the result the shared ranking gives for the now qualified applications, recorded on each case.
  const after = nominations.map((n) =>
    n === rejected ? stepped(n, { type: 'reject', reason: REASON }) : [...toQualify, ...qualifiable].includes(n) ? stepped(n, { type: 'qualify' }) : n,
  );
  const organisation = demoOrganisation(FIXED_NOW);
  const expected = rankAdmission(after, admission, demoOffers(FIXED_NOW), (id) => organisation.find((unit) => unit.id === id), { id: 'run', at });
  if (!expected.ok) throw new Error(`The demo admission cannot be ranked: ${expected.problem}`);
  await page.getByRole('button', { name: t.ranking.rank, exact: true }).click();
  const ranked = page.getByRole('table', { name: t.ranking.tableLabel });
  await expect(ranked.getByRole('row')).toHaveCount(expected.ranked.length + 1);
  for (const { nomination, result } of expected.ranked) {
    const row = ranked.getByRole('row').filter({ hasText: nomination.case.caseNumber });
    await expect(row).toContainText(result.positions.map((p) => t.ranking.position(p.offer, p.position)).join(', '));
    await expect(row).toContainText(result.offered === null ? t.ranking.notReached : t.ranking.offered(result.offered));
    await expect(row).toContainText(t.ranking.recorded);
  }
  await expectAccessible(page);

  // Offer in bulk: only those the recorded ranking gives an offer get one.
  const qualified = expected.ranked.filter(({ nomination }) => nomination.details.offer.code === admission.code);
  const offered = qualified.filter(({ result }) => result.offered !== null);
  await screen.status.selectOption('qualified');
  await screen.bulk.getByRole('button', { name: t.bulk.selectAll(qualified.length) }).click();
  await screen.take('makeOffer', qualified.length);
  await expect(screen.summary).toHaveText(bulkText.summary(offered.length, qualified.length - offered.length));
  await expect(screen.results.getByRole('listitem')).toHaveCount(qualified.length);
  expect(offered.length, 'the admission has places for at least one').toBeGreaterThan(0);

  // The case page of an offered application: the ranking's reasons, the steps and the process.
  await screen.status.selectOption('offered');
  const first = offered[0]!.nomination.case;
  await screen.table.getByRole('link', { name: first.title }).click();
  await expect(screen.heading).toHaveText(first.title);
  await expect(page.getByTestId('ranking-reasons').getByRole('listitem')).toHaveCount(offered[0]!.result.reasons.length);
  await expect(page.getByRole('heading', { name: t.casePage.steps(officer.name) })).toBeVisible();
  await expectAccessible(page);
});
