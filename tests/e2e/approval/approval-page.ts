import type { Locator, Page } from '@playwright/test';
import { approvalTexts } from '../../../src-renderer/features/approval/approval-text';
import { approvalStatusLabels, approvalWorkflow, type ApprovalCase, type ApprovalStatus } from '../../../src-shared/domain/approval';
import { serverDemoData } from '../sync/support/central-server';
import { expect, SYNC_SETTLE_MS } from '../sync/support/sync-fixtures';

/** What the approval specs read off the case page, in the app's Norwegian texts. */
export const t = approvalTexts.nb;
/** The demo data's Testperson1 case: processing, with the student's yes to result exchange. */
export const WITH_CONSENT = 'case-000001';
export const WITHOUT_CONSENT = 'case-000002';
export const demoCase = (id: string) => serverDemoData.cases.find((c) => c.id === id) as ApprovalCase;
export const stepLabel = (event: string) => approvalWorkflow.eventLabel(event)?.nb ?? event;

/** A fact of the case page by its term (exact). */
export const fact = (page: Page, term: string): Locator =>
  page
    .locator('dl > div')
    .filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }) })
    .getByRole('definition');

export const expectStatus = (page: Page, status: ApprovalStatus) => expect(fact(page, t.casePage.status)).toHaveText(approvalStatusLabels[status].nb);
export const expectDone = (page: Page, event: string) =>
  expect(page.getByRole('status').filter({ hasText: t.outcome.done(stepLabel(event)) })).toBeVisible({ timeout: SYNC_SETTLE_MS });
export const institutionRow = (page: Page, code: string) => page.locator(`tr[data-institution="${code}"]`);
export const progressText = (page: Page) => page.getByTestId('approval-progress-text');
