import { firstValueFrom, filter as where, type Observable } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { SaksflytDatabase } from '../../db/database';
import { openTestDatabase } from '../../db/fake-indexeddb.test-helper';
import { matchCount$ } from './case-matches';
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
});
