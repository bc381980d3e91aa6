import type { RxCollection } from 'rxdb';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { caseListQueriesAfter, caseListQuery, type CaseFilter, type ListPosition } from './case-query';

/**
 * Every case the filter's selector matches (its search text aside), in list order, `size` at a
 * time. Each page is read by indexed queries that start after the last case of the page before,
 * so a page reads only its own records wherever it is in the list, and the page stays responsive
 * between them.
 */
export async function* listPages(cases: RxCollection<Case>, filter: CaseFilter, today: string, size: number): AsyncGenerator<Case[]> {
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
