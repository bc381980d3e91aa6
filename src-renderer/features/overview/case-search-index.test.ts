import { fillWithDefaultSettings, normalizeMangoQuery, prepareQuery, type MangoQuery, type RxJsonSchema } from 'rxdb';
import { firstValueFrom, toArray, filter as where, type Observable } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SaksflytDatabase } from '../../db/database';
import { rxSchemaOf } from '../../../src-shared/db/collections';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { openTestDatabase } from '../../db/fake-indexeddb.test-helper';
import { matchCount$, matchRows$ } from './case-matches';
import type { CaseFilter } from './case-query';
import { caseSearchIndex } from './case-search-index';
import { overviewCase } from './case-fixture.test-helper';

const today = '2026-03-10';
const search = (text: string): CaseFilter => ({ search: text, type: '', status: '', deadline: 'all' });

/** The first value of a live count that satisfies `test` (the index recomputes after a short pause). */
const countWhen = (count$: Observable<number>, test: (count: number) => boolean) => firstValueFrom(count$.pipe(where(test)));

let db: SaksflytDatabase;
afterEach(() => db.close());

describe('the search index over encrypted case titles', () => {
  it('matches text literally and case-insensitively, and follows new, changed and removed cases', async () => {
    db = (await openTestDatabase()).db;
    await db.cases.bulkInsert([overviewCase('case-00001', 'Oppfølging av Åse Ødegård'), overviewCase('case-00002', 'Sak om (studierett).*')]);
    const index = caseSearchIndex(db.cases);
    await index.ready;
    expect(index.matching(search('åse ødegård'), today)).toEqual(['case-00001']);
    expect(index.matching(search('(studierett).*'), today)).toEqual(['case-00002']);
    expect(index.matching(search('.*'), today)).toEqual(['case-00002']);
    expect(index.matching(search('2026/0000'), today)).toEqual(['case-00001', 'case-00002']);

    const count$ = matchCount$(db.cases, search('ødegård'), today);
    expect(await firstValueFrom(count$)).toBe(1);
    await db.cases.insert(overviewCase('case-00003', 'Ny sak for Åse Ødegård'));
    expect(await countWhen(count$, (count) => count === 2)).toBe(2);
    await (await db.cases.findOne('case-00001').exec())!.incrementalPatch({ title: 'Oppfølging av Ola Nordmann' });
    await (await db.cases.findOne('case-00003').exec())!.remove();
    expect(await countWhen(count$, (count) => count === 0)).toBe(0);
    expect(index.matching(search('nordmann'), today)).toEqual(['case-00001']);
  });

  it('reads the cases already in the replica page by page, each page one range of an index', async () => {
    db = (await openTestDatabase()).db;
    const ids = Array.from({ length: 1_100 }, (_, i) => `case-${String(i).padStart(5, '0')}`);
    await db.cases.bulkInsert(ids.map((id, i) => ({ ...overviewCase(id, `Sak ${id}`), nextDeadline: `2026-03-${String(10 + (i % 3)).padStart(2, '0')}` })));
    const find = vi.spyOn(db.cases, 'find');
    const index = caseSearchIndex(db.cases);
    const progress = firstValueFrom(index.firstRead$().pipe(toArray()));
    await index.ready;
    // The counts' progress: the cases taken in after each page, ending when the read is done.
    expect(await progress).toEqual([0, 500, 1000, 1100]);
    expect(index.matching(search('sak case-'), today)).toHaveLength(ids.length);
    // A query that an index does not satisfy reads every record in its range, not just its page.
    const schema = fillWithDefaultSettings(rxSchemaOf('cases') as RxJsonSchema<Case>);
    const queries = find.mock.calls.map(([query]) => normalizeMangoQuery(schema, query as MangoQuery<Case>));
    expect(queries.length).toBeGreaterThanOrEqual(3);
    for (const query of queries) {
      // As RxQuery prepares it: only documents that are not deleted.
      const plan = prepareQuery(schema, { ...query, selector: { ...query.selector, _deleted: { $eq: false } } }).queryPlan;
      expect([plan.selectorSatisfiedByIndex, plan.sortSatisfiedByIndex], JSON.stringify(query)).toEqual([true, true]);
    }
  });

  it('gives the list its rows, live, once it has read every case, without asking IndexedDB', async () => {
    db = (await openTestDatabase()).db;
    await db.cases.bulkInsert([
      { ...overviewCase('case-00001', 'Oppfølging av Åse'), nextDeadline: '2026-03-20' },
      { ...overviewCase('case-00002', 'Godkjenning for Ola'), type: 'approval', nextDeadline: '2026-03-12' },
      { ...overviewCase('case-00003', 'Godkjenning for Kari'), type: 'approval', nextDeadline: '2026-03-12' },
    ]);
    await caseSearchIndex(db.cases).ready;
    const find = vi.spyOn(db.cases, 'find');
    const approvals = { ...search(''), type: 'approval' as const };
    const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
    expect(ids(await firstValueFrom(matchRows$(db.cases, search(''), today, 2)))).toEqual(['case-00002', 'case-00003']);

    const rows$ = matchRows$(db.cases, approvals, today, 10);
    expect(ids(await firstValueFrom(rows$))).toEqual(['case-00002', 'case-00003']);
    await db.cases.insert({ ...overviewCase('case-00004', 'Godkjenning for Per'), type: 'approval', nextDeadline: '2026-03-11' });
    await (await db.cases.findOne('case-00002').exec())!.incrementalPatch({ title: 'Godkjenning for Ola Nordmann' });
    const changed = await firstValueFrom(rows$.pipe(where((rows) => rows.length === 3 && rows[1]!.title.endsWith('Nordmann'))));
    expect(ids(changed)).toEqual(['case-00004', 'case-00002', 'case-00003']);
    await (await db.cases.findOne('case-00003').exec())!.remove();
    expect(ids(await firstValueFrom(rows$.pipe(where((rows) => rows.length === 2))))).toEqual(['case-00004', 'case-00002']);
    expect(find).not.toHaveBeenCalled();
  });

  it("answers the overview's counts (all cases, per type, per filter) live, without asking IndexedDB to count", async () => {
    db = (await openTestDatabase()).db;
    await db.cases.bulkInsert([
      overviewCase('case-00001', 'Oppfølging av Åse'),
      { ...overviewCase('case-00002', 'Godkjenning for Ola'), type: 'approval', status: 'closed', nextDeadline: '2026-03-01' },
      { ...overviewCase('case-00003', 'Godkjenning for Kari'), type: 'approval' },
    ]);
    const count = vi.spyOn(db.cases, 'count');
    const index = caseSearchIndex(db.cases);
    const filtered = (filter: Partial<CaseFilter>) => matchCount$(db.cases, { ...search(''), ...filter }, today);
    expect(await firstValueFrom(index.total$())).toBe(3);
    expect(await firstValueFrom(index.typeCounts$())).toEqual([1, 0, 2, 0, 0]);
    expect(await firstValueFrom(filtered({ type: 'approval' }))).toBe(2);
    expect(await firstValueFrom(filtered({ type: 'approval', status: 'closed' }))).toBe(1);
    expect(await firstValueFrom(filtered({ deadline: 'overdue' }))).toBe(1);
    expect(await firstValueFrom(filtered({ type: 'approval', search: 'kari' }))).toBe(1);

    const approvals$ = filtered({ type: 'approval' });
    const types$ = index.typeCounts$();
    await db.cases.insert({ ...overviewCase('case-00004', 'Plassering'), type: 'placement' });
    await (await db.cases.findOne('case-00002').exec())!.remove();
    expect(await countWhen(approvals$, (n) => n === 1)).toBe(1);
    expect(await firstValueFrom(types$.pipe(where((counts) => counts[3] === 1)))).toEqual([1, 0, 1, 1, 0]);
    expect(await countWhen(index.total$(), (n) => n === 3)).toBe(3);
    expect(count).not.toHaveBeenCalled();
  });
});
