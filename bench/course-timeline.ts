import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { generateDemoData, INSTITUTION } from '../dev/demo-data';
import { COURSES_PATH } from '../src-renderer/features/course-delivery/course-delivery-path';
import { dictionaries } from '../src-renderer/i18n/dictionary';
import { addUser } from '../src-server/auth/accounts';
import { openDatabase } from '../src-server/db/database';
import { migrate } from '../src-server/db/migrate';
import { importDocuments } from '../src-server/sync/import-documents';
import { defaultSyncCollections } from '../src-server/sync/sync-collections';
import { isTerminalStatus } from '../src-shared/domain/access/access';
import type { Case } from '../src-shared/domain/case/case.schema';
import { checklistSteps, recordedBy, type Checklist } from '../src-shared/domain/course-delivery/checklist';
import type { CourseDeliveryCase } from '../src-shared/domain/course-delivery';
import { SignInPage } from '../tests/e2e/sync/pages/session-pages';
import { StatusBar } from '../tests/e2e/sync/pages/sync-pages';
import { ServerProcess } from '../tests/integration/sync/support/server-process';
import { TEST_PASSWORD, testDatabaseOptions, dropTestSchema } from '../tests/integration/sync/support/test-server';
import { openBenchLaptop } from './support/bench-laptop';
import { expectOverviewShowsAll } from './support/overview-count';

export const COURSES = 200;
const ROUNDS = 7;
const DEPARTMENT = 'helse';
const HEAD = { id: 'bench-head', username: 'bench-head', name: 'Bench Avdelingsleder' };

/**
 * `course.timeline-200-courses.ms`: the department head's "Mine kurs" with 200 running courses
 * of their department, each with its checklist partly recorded, in Debian's Chromium. A real server
 * holds the courses; the head signs in on a fresh laptop and the first sync fills the replica (not
 * measured). Then, median of ROUNDS: from the in-app navigation to /kurs until the page's DOM
 * holds a row with its timeline for every course (a MutationObserver sees the commit).
 */
export async function timelineOverviewMs(): Promise<{ ms: number; engine: string }> {
  const dbOptions = testDatabaseOptions();
  const dataDir = dbOptions.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'saksflyt-bench-courses-'));
  const setup = await openDatabase({ ...dbOptions, dataDir });
  await migrate(setup);
  const cases = defaultSyncCollections().find((collection) => collection.name === 'cases')!;
  await importDocuments(setup, cases, runningCourses() as unknown as Record<string, unknown>[], { actorId: null, action: 'bench' });
  await addUser(setup, {
    ...HEAD,
    password: TEST_PASSWORD,
    roles: ['departmentHead'],
    scope: { institution: INSTITUTION.id, departments: [DEPARTMENT], cohorts: [], partners: [] },
  });
  await setup.close();

  const server = new ServerProcess(
    dbOptions.databaseUrl ? { DATABASE_URL: dbOptions.databaseUrl, DATABASE_SCHEMA: dbOptions.schema! } : { DATA_DIR: dataDir!, DATABASE_URL: '' },
  );
  const serverUrl = `http://127.0.0.1:${await server.start()}`;
  const laptop = await openBenchLaptop(serverUrl);
  const { page } = laptop;
  try {
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signIn(HEAD.username, TEST_PASSWORD);
    const status = new StatusBar(page);
    await status.lastSync.filter({ hasNotText: status.text.never }).waitFor({ timeout: 120_000 });
    await expectOverviewShowsAll(page, COURSES);

    const times: number[] = [];
    for (let round = 0; round <= ROUNDS; round += 1) {
      const ms = await timeOverview(page);
      if (round > 0) times.push(ms); // the first round warms the code up
      await page.evaluate(() => ((globalThis as unknown as { location: { hash: string } }).location.hash = '#/tasks'));
      await page.getByRole('heading', { level: 1, name: dictionaries.nb.nav.tasks }).waitFor();
    }
    return { ms: median(times), engine: dbOptions.databaseUrl ? 'postgres' : 'pglite' };
  } finally {
    await laptop.close();
    await server.kill();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    else await dropTestSchema(dbOptions);
  }
}

/** 200 running courses of one department from the demo generator, each with the first steps of its checklist recorded. */
function runningCourses(): CourseDeliveryCase[] {
  const { cases } = generateDemoData({ caseCount: 4000, seed: 13, now: new Date() });
  const running = (cases as Case[]).filter((c) => c.type === 'courseDelivery' && !isTerminalStatus(c.type, c.status)) as unknown as CourseDeliveryCase[];
  if (running.length < COURSES) throw new Error(`only ${running.length} running demo courses`);
  return running.slice(0, COURSES).map((c, i) => {
    const checklist: Checklist = {};
    for (const step of checklistSteps.slice(0, i % 20)) {
      const by =
        step.owner === 'teachingResource' ? c.details.teachingResource.userId : recordedBy[step.owner] === 'departmentHead' ? HEAD.id : 'u-driftskonsulent';
      checklist[step.id] = {
        state: i % 7 === 0 && step.owner === 'marketing' ? 'notApplicable' : 'done',
        reason: 'Bench',
        changedAt: c.updatedAt,
        changedBy: by,
      };
    }
    return { ...c, department: DEPARTMENT, details: { ...c.details, checklist } };
  });
}

/** The few DOM globals the in-page timing uses (this file compiles without DOM types). */
interface PageGlobals {
  document: { body: unknown; querySelectorAll(selector: string): ArrayLike<unknown> };
  location: { hash: string };
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };
}

/** Milliseconds from setting the hash to /kurs until every course's row and timeline are in the DOM. */
function timeOverview(page: Page): Promise<number> {
  // No named inner functions: tsx would wrap them in a helper that does not exist in the page.
  return page.evaluate(
    ({ hash, count }) =>
      new Promise<number>((resolve) => {
        const { document, location, MutationObserver } = globalThis as unknown as PageGlobals;
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (document.querySelectorAll('.course-overview__row .course-row-timeline').length < count) return;
          observer.disconnect();
          resolve(performance.now() - started);
        });
        observer.observe(document.body, { childList: true, subtree: true });
        location.hash = hash;
      }),
    { hash: `#${COURSES_PATH}`, count: COURSES },
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
