import { expect, type Locator, type Page } from '@playwright/test';
import { followUpStatusLabels, type FollowUpStatus } from '../../../src-shared/domain/follow-up/follow-up.schema';
import { followUpWorkflow } from '../../../src-shared/domain/follow-up/follow-up.workflow';
import { followUpTexts, type FollowUpText } from '../../../src-renderer/features/follow-up/follow-up-text';

/** First start writes the demo data before the first screen. */
const SEEDING_TIMEOUT_MS = 30_000;

/** The follow-up screens (queue, concern report, case page), in Norwegian. */
export class FollowUpPages {
  readonly t: FollowUpText = followUpTexts.nb;
  readonly heading: Locator;
  readonly actingUser: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.actingUser = page.getByRole('combobox', { name: this.t.actingUser.label });
  }

  /** Opens the queue; the replica is seeded with `demoCases` demo cases on first start. */
  async openQueue(demoCases: number): Promise<void> {
    await this.page.goto(`/?demoCases=${demoCases}#/follow-up`);
    await expect(this.heading).toHaveText(this.t.queue.title, { timeout: SEEDING_TIMEOUT_MS });
  }

  async actAs(userId: string): Promise<void> {
    await this.actingUser.selectOption(userId);
  }

  queueSection(name: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${name} \\(\\d+\\)$`) });
  }

  /** The disclosure of a workflow step, by the event's label in the shared definition. */
  step(event: string): Locator {
    const label = followUpWorkflow.eventLabel(event)?.nb ?? event;
    return this.page.locator('details', { has: this.page.locator('summary', { hasText: label }) });
  }

  /** Opens the step's disclosure; returns its form. */
  async openStep(event: string): Promise<Locator> {
    const step = this.step(event);
    await step.locator('summary').click();
    return step.locator('form');
  }

  async submitStep(event: string, form: Locator): Promise<void> {
    await form.getByRole('button', { name: followUpWorkflow.eventLabel(event)?.nb ?? event }).click();
    await this.expectStepDone(event);
  }

  async expectStepDone(event: string): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: this.t.outcome.done(followUpWorkflow.eventLabel(event)?.nb ?? event) })).toBeVisible();
  }

  async expectStatus(status: FollowUpStatus): Promise<void> {
    await expect(this.fact(this.t.casePage.status)).toHaveText(followUpStatusLabels[status].nb);
  }

  /** Writes a note in the notes editor, with an agreed measure when given, and saves it. */
  async writeNote(text: string, measure?: { text: string; owner: string; due: string }): Promise<void> {
    const { notes } = this.t;
    await this.page.getByRole('textbox', { name: notes.text, exact: true }).fill(text);
    if (measure) {
      await this.page.getByRole('checkbox', { name: notes.addMeasure }).check();
      await this.page.getByRole('textbox', { name: notes.measureText, exact: true }).fill(measure.text);
      await this.page.getByRole('textbox', { name: notes.measureOwnerLabel, exact: true }).fill(measure.owner);
      await this.page.getByRole('textbox', { name: notes.measureDue, exact: true }).fill(measure.due);
    }
    await this.page.getByRole('button', { name: notes.save }).click();
  }

  fact(term: string): Locator {
    return this.page
      .getByRole('region', { name: this.t.casePage.facts })
      .locator('div', { has: this.page.locator('dt', { hasText: term }) })
      .locator('dd');
  }

  get notes(): Locator {
    return this.page.getByRole('list', { name: this.t.notes.listLabel }).getByRole('listitem');
  }

  get documents(): Locator {
    return this.page.getByRole('region', { name: this.t.documents.heading });
  }

  documentRow(title: string): Locator {
    return this.documents.getByRole('row').filter({ hasText: title });
  }

  /**
   * Clicks `button` and returns the PDF the main process answered `channel` with, once the page
   * shows it: a frame (named `frameTitle`) whose document is that PDF's blob: URL.
   */
  async showPdf(button: Locator, channel: string, frameTitle: string): Promise<Buffer> {
    const answered = this.page.waitForResponse((response) => response.url().endsWith(`/rpc/${channel}`));
    await button.click();
    const reply = (await (await answered).json()) as { ok: boolean; value?: { pdfBase64: string } };
    expect(reply.ok).toBe(true);
    const frame = this.page.getByTitle(frameTitle);
    await expect(frame).toHaveAttribute('src', /^blob:/);
    const src = (await frame.getAttribute('src')) ?? '';
    await expect.poll(async () => (await frame.elementHandle())?.contentFrame().then((content) => content?.url())).toBe(src);
    return Buffer.from(reply.value?.pdfBase64 ?? '', 'base64');
  }
}
