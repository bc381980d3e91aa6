import { followUpCasePath } from '../../../src-renderer/features/follow-up/follow-up-path';
import { FollowUpPages } from '../follow-up/follow-up-pages';
import { expectAccessible } from '../support/axe';
import { demoData } from '../support/demo-expectations';
import { expect, test } from '../support/fixtures';

const CASES = 40;
const data = demoData(CASES);

/** A demo follow-up case with a concern report, a student and a note: every kind of sensitive text on one screen. */
const target = data.cases.find((c) => c.type === 'followUp' && (c.details.reports as unknown[]).length > 0 && data.notes.some((n) => n.caseId === c.id))!;
const student = data.people.find((person) => person.id === target.subjectPersonId)!;
const note = data.notes.find((n) => n.caseId === target.id)!;
const report = (target.details.reports as { description: string }[])[0]!;

test("a raw dump of the browser's storage holds none of a case's sensitive texts, while the app shows and finds them", async ({ page, overview }) => {
  await overview.open(CASES);

  // The search looks into titles, which are encrypted at rest.
  await overview.search.fill(student.familyName);
  await expect(overview.caseLinks.filter({ hasText: target.title })).toHaveCount(1);

  // The case page shows the title, the student's name, the report and the note, decrypted.
  await page.goto(`/#${followUpCasePath(target.id)}`);
  const followUp = new FollowUpPages(page);
  await expect(followUp.heading).toHaveText(target.title);
  const name = (await followUp.fact(followUp.t.casePage.student).textContent()) ?? '';
  expect(name).toBe(`${student.givenName} ${student.familyName}`);
  await expect(page.getByText(report.description, { exact: true })).toBeVisible();
  await expect(followUp.notes.filter({ hasText: note.text.slice(0, 60) })).toHaveCount(1);
  await expectAccessible(page);

  // The national ID is not on the screen (need to know); it is the student's in the seeded data.
  const secrets = [target.title, name, student.familyName, student.email, student.nationalId, note.text, report.description];
  const stored = await page.evaluate(readAllStoredStrings);
  expect(stored.length).toBeGreaterThan(CASES);
  // Positive control: the dump does hold the replica's plain fields…
  expect(stored).toContain(target.caseNumber);
  // …but none of the sensitive texts, whole or in part of a stored value: this case's, and every
  // demo case's title, note and person's national ID and e-mail.
  expect(secrets.filter((secret) => stored.some((value) => value.includes(secret)))).toEqual([]);
  const everyCase = [
    ...data.cases.map((c) => c.title),
    ...data.notes.map((n) => n.text),
    ...data.people.flatMap((person) => [person.nationalId, person.email]),
  ].filter((secret) => secret.length > 0);
  expect(everyCase.length).toBeGreaterThan(3 * CASES);
  expect(everyCase.filter((secret) => stored.some((value) => value.includes(secret)))).toEqual([]);
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
  transaction(store: string): { objectStore(name: string): { getAll(): IdbRequest<unknown[]>; getAllKeys(): IdbRequest<unknown[]> } };
  close(): void;
}
interface PageStorage {
  length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
}
interface PageGlobals {
  indexedDB: { databases(): Promise<{ name?: string }[]>; open(name: string): IdbRequest<IdbDatabase> };
  localStorage: PageStorage;
  sessionStorage: PageStorage;
}

/**
 * Runs in the page with the raw browser APIs only (not the app's database): every string in every
 * key and record of every object store of every IndexedDB database of this origin, and every key
 * and value of localStorage and sessionStorage.
 */
async function readAllStoredStrings(): Promise<string[]> {
  const { indexedDB, localStorage, sessionStorage } = globalThis as unknown as PageGlobals;
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
      const objects = db.transaction(store).objectStore(store);
      collect(await Promise.all([settle(objects.getAllKeys()), settle(objects.getAll())]));
    }
    db.close();
  }
  for (const storage of [localStorage, sessionStorage]) {
    for (let index = 0; index < storage.length; index += 1) {
      const key = storage.key(index) ?? '';
      strings.push(key, storage.getItem(key) ?? '');
    }
  }
  return strings;
}
