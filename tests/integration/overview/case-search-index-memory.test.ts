import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { RxCollection } from 'rxdb';
import { afterEach, describe, expect, it } from 'vitest';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { caseSearchIndex } from '../../../src-renderer/features/overview/case-search-index';
import { openClientDatabase, type ClientDatabase } from '../sync/support/client';
import { overviewCase } from '../../../src-renderer/features/overview/case-fixture.test-helper';

/**
 * The overview's search index follows every change to the cases. Following RxDB's per-event
 * stream (`cases.$`) put each change bulk into a cache RxDB never empties: after a first sync of
 * 100,000 cases, all of them stayed in the page's memory. Checked with the garbage collector.
 */

let db: ClientDatabase;
afterEach(() => db.close());

describe('the search index and memory', () => {
  it('does not keep the changes it took in', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    db = await openClientDatabase(`memory${Date.now()}`, getRxStorageMemory(), ['cases']);
    const cases = db.cases as unknown as RxCollection<Case>;
    const index = caseSearchIndex(cases);
    await index.ready;
    let written: WeakRef<object> | undefined;
    const watching = cases.eventBulks$.subscribe((bulk) => (written ??= new WeakRef(bulk)));
    await cases.bulkInsert([overviewCase('case-00001', 'Oppfølging av Åse Ødegård'), overviewCase('case-00002', 'Sak om studierett')]);
    watching.unsubscribe();
    expect(index.matching({ search: 'ødegård', type: '', status: '', deadline: 'all' }, '2026-03-10')).toEqual(['case-00001']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    expect(written?.deref()).toBeUndefined();
  });
});
