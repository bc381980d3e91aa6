import type { Page } from 'playwright-core';
import { dictionaries } from '../../src-renderer/i18n/dictionary';

/** How long the overview's count may trail the sync status (it follows the replica's changes within moments). */
const COUNT_SETTLES_MS = 10_000;

/** The DOM the check reads (this file compiles without DOM types). */
interface PageDocument {
  document: { querySelector(selector: string): { textContent: string | null } | null };
}

/** Throws unless the overview comes to say that it shows all `expected` cases: the first sync stored them all. */
export async function expectOverviewShowsAll(page: Page, expected: number): Promise<void> {
  const text = dictionaries.nb.overview.matches(expected, expected);
  const count = page.getByTestId('match-count');
  try {
    await page.waitForFunction(
      (text) => (globalThis as unknown as PageDocument).document.querySelector('[data-testid="match-count"]')?.textContent === text,
      text,
      {
        timeout: COUNT_SETTLES_MS,
      },
    );
  } catch {
    throw new Error(`first sync incomplete: the overview says "${await count.textContent()}"`);
  }
}
