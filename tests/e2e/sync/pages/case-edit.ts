import type { Locator, Page } from '@playwright/test';

/** The title form on the case page (src-renderer/features/case/case-title-form.tsx). */
export class CaseTitleForm {
  readonly title: Locator;
  readonly save: Locator;
  readonly saved: Locator;
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByRole('textbox', { name: 'Tittel på saken' });
    this.save = page.getByRole('button', { name: 'Lagre tittel' });
    this.saved = page.getByRole('status').filter({ hasText: 'Tittelen er lagret.' });
    this.heading = page.getByRole('heading', { level: 1 });
  }

  async rename(title: string): Promise<void> {
    await this.title.fill(title);
    await this.save.click();
    await this.saved.waitFor();
  }
}
