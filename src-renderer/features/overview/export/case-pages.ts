import type { RxCollection } from 'rxdb';
import type { Case } from '../../../../src-shared/domain/case/case.schema';
import { caseListQueriesAfter, caseListQuery, type CaseFilter, type ListPosition } from '../case-query';
import { caseSearchIndex } from '../case-search-index';

/**
 * Every case the filter matches, in list order, `size` at a time. Each page is read by indexed
 * queries that start after the last case of the page before, so a page costs about the same
 * wherever it is in the list, and the page stays responsive between them. With search text, the
 * search index names the matching cases and each page reads its share of them by primary key.
 */
export async function* casePages(cases: RxCollection<Case>, filter: CaseFilter, today: string, size: number): AsyncGenerator<Case[]> {
  if (filter.search.trim()) {
    yield* searchPages(cases, filter, today, size);
    return;
  }
  const read = async (query: Parameters<typeof cases.find>[0]) => (await cases.find(query).exec()).map((doc) => doc.toJSON() as Case);
  const pageAfter = async (last: ListPosition) => {
    const [sameDeadline, laterDeadline] = caseListQueriesAfter(filter, today, size, last);
    const first = await read(sameDeadline);
    return first.length === size ? first : [...first, ...(await read({ ...laterDeadline, limit: size - first.length }))];
  };
  let page = await read(caseListQuery(filter, today, size));
  while (page.length > 0) {
    yield page;
    if (page.length < size) return;
    page = await pageAfter(page.at(-1)!);
  }
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
