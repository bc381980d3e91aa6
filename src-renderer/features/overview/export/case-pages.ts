import type { RxCollection } from 'rxdb';
import type { Case } from '../../../../src-shared/domain/case/case.schema';
import type { CaseFilter } from '../case-query';
import { caseSearchIndex } from '../case-search-index';
import { listPages } from '../list-pages';

/**
 * Every case the filter matches, in list order, `size` at a time (listPages). With search text,
 * the search index names the matching cases and each page reads its share of them by primary key.
 */
export async function* casePages(cases: RxCollection<Case>, filter: CaseFilter, today: string, size: number): AsyncGenerator<Case[]> {
  if (filter.search.trim()) {
    yield* searchPages(cases, filter, today, size);
    return;
  }
  yield* listPages(cases, filter, today, size);
}

async function* searchPages(cases: RxCollection<Case>, filter: CaseFilter, today: string, size: number): AsyncGenerator<Case[]> {
  const index = caseSearchIndex(cases);
  await index.ready;
  const ids = index.matching(filter, today);
  for (let start = 0; start < ids.length; start += size) {
    const chunk = ids.slice(start, start + size);
    const found = await cases.findByIds(chunk).exec();
    yield chunk.flatMap((id) => found.get(id)?.toJSON() ?? []) as Case[];
  }
}
