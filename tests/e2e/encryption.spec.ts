import { expect, test } from './support/fixtures';
import { demoData, expectedCases } from './support/demo-expectations';

const CASES = 40;
const data = demoData(CASES);

test('notes and national IDs are encrypted in IndexedDB and readable in the app', async ({ page, overview, casePage }) => {
  await overview.open(CASES);

  const stored = await page.evaluate(readAllIndexedDbStrings);
  // Sanity: the dump does contain the replica (case numbers are not encrypted)…
  expect(stored.some((value) => value === data.cases[0]!.caseNumber)).toBe(true);
  // …but no note text and no national ID appears anywhere in it.
  const secrets = [...data.notes.map((note) => note.text), ...data.people.map((person) => person.nationalId)];
  expect(secrets.length).toBeGreaterThan(CASES);
  const leaked = secrets.filter((secret) => stored.some((value) => value.includes(secret)));
  expect(leaked).toEqual([]);

  // The app itself decrypts them with the key from the main process.
  // A note whose opening words no other note of its case shares, so exactly one list item shows it.
  const opening = (text: string) => text.slice(0, 60);
  const unique = (caseId: string) =>
    data.notes.find((n) => n.caseId === caseId && data.notes.filter((m) => m.caseId === caseId && opening(m.text) === opening(n.text)).length === 1);
  const withNote = expectedCases(data.cases, {}).find((c) => unique(c.id))!;
  const note = unique(withNote.id)!;
  await page.goto(`/#/cases/${encodeURIComponent(withNote.id)}`);
  await expect(casePage.notes.filter({ hasText: opening(note.text) })).toHaveCount(1);
});

/** The slice of the IndexedDB API the dump below uses (tests compile without DOM types). */
interface IdbRequest<T> {
  result: T;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}
interface IdbDatabase {
  objectStoreNames: ArrayLike<string>;
  transaction(store: string): { objectStore(name: string): { getAll(): IdbRequest<unknown[]> } };
  close(): void;
}
interface IdbFactory {
  databases(): Promise<{ name?: string }[]>;
  open(name: string): IdbRequest<IdbDatabase>;
}

/** Runs in the page: every string value in every record of every IndexedDB database of this origin. */
async function readAllIndexedDbStrings(): Promise<string[]> {
  const { indexedDB } = globalThis as unknown as { indexedDB: IdbFactory };
  const strings: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  const settle = <T>(request: IdbRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  for (const { name } of await indexedDB.databases()) {
    if (!name) continue;
    const db = await settle(indexedDB.open(name));
    for (const store of Array.from(db.objectStoreNames)) {
      (await settle(db.transaction(store).objectStore(store).getAll())).forEach(collect);
    }
    db.close();
  }
  return strings;
}
