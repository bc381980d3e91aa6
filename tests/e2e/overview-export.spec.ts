import { demoUsers } from '../../dev/demo-data/demo-users';
import { en } from '../../src-renderer/i18n/en';
import { nb } from '../../src-renderer/i18n/nb';
import { OverviewPage } from './pages/overview-page';
import { expectAccessible } from './support/axe';
import { demoData, expectedCases, TODAY, type ExpectedFilter } from './support/demo-expectations';
import { expect, test } from './support/fixtures';

const CASES = 120;
const { cases } = demoData(CASES);
const BOM = [0xef, 0xbb, 0xbf];
const names = new Map(demoUsers().map((user) => [user.userId, user.name]));

/** The file's lines after the BOM, split into fields (demo data has no ; " or line break in a field). */
function csvRows(bytes: Buffer): string[][] {
  const lines = bytes.subarray(BOM.length).toString('utf8').split('\r\n');
  expect(lines.pop(), 'the last line ends with CRLF').toBe('');
  return lines.map((line) => line.split(';'));
}

const header = (t: typeof nb | typeof en) => Object.values(t.overview.export.columns);

test('the export holds exactly the filtered cases, in a file Excel reads with æøå', async ({ page, overview }) => {
  await overview.open(CASES);
  // A search with Norwegian letters, narrowed further by case type.
  const word = cases.flatMap((c) => c.title.split(/\s+/)).find((w) => /[æøåÆØÅ]/.test(w) && w.length > 3)!;
  const filter: ExpectedFilter = { search: word, type: 'followUp' };
  await overview.search.fill(word.toLocaleLowerCase('nb'));
  await overview.filterByType('followUp');
  const want = expectedCases(cases, filter);
  expect(want.length, 'the filter leaves some, not all, cases').toBeGreaterThan(1);
  await overview.expectMatches(want.length, CASES);

  const { fileName, bytes } = await overview.exportList();

  expect(fileName).toBe(`saksoversikt-${TODAY}.csv`);
  expect([...bytes.subarray(0, BOM.length)]).toEqual(BOM);
  const [head, ...rows] = csvRows(bytes);
  expect(head).toEqual(header(nb));
  expect(rows).toHaveLength(want.length);
  expect(rows.map((row) => row[0])).toEqual(want.map((c) => c.caseNumber));
  for (const [i, row] of rows.entries()) {
    const c = want[i]!;
    expect(row).toHaveLength(head!.length);
    expect(row[1], 'title with Norwegian letters intact').toBe(c.title);
    expect(row[2]).toBe(nb.caseTypes.followUp);
    expect(row[6]).toMatch(/^(\d\d\.\d\d\.\d{4})?$/);
    expect(row[7]).toBe(c.assignees.map((id) => names.get(id) ?? id).join(', '));
  }
  expect(rows.some((row) => /[æøå]/i.test(row[1]!))).toBe(true);

  await expect(page.getByRole('status').filter({ hasText: nb.overview.export.done(want.length, fileName) })).toBeVisible();
  await expect(overview.exportButton).toBeFocused();
  await expectAccessible(page);
});

test('in English the export has English headers and ISO dates', async ({ page, shell, overview }) => {
  await overview.open(CASES);
  await shell.languageButton('en').click();
  const english = new OverviewPage(page, 'en');
  await english.filterByDeadline('next30');
  const want = expectedCases(cases, { deadline: 'next30' });
  await english.expectMatches(want.length, CASES);

  const { fileName, bytes } = await english.exportList();

  expect(fileName).toBe(`case-overview-${TODAY}.csv`);
  const [head, ...rows] = csvRows(bytes);
  expect(head).toEqual(header(en));
  expect(rows.map((row) => row[0])).toEqual(want.map((c) => c.caseNumber));
  expect(rows.map((row) => row[6])).toEqual(want.map((c) => c.nextDeadline));
});
