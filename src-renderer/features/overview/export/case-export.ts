import type { RxCollection } from 'rxdb';
import type { Case } from '../../../../src-shared/domain/case/case.schema';
import { firstValueFrom } from 'rxjs';
import { matchCount$ } from '../case-matches';
import type { CaseFilter } from '../case-query';
import { exportHeader, exportRow, type ExportContext } from './case-export-row';
import { casePages } from './case-pages';
import { CSV_BOM, csvLines } from './csv';

/** Cases per step: large enough to be quick, small enough that the page never stalls. */
export const EXPORT_PAGE_SIZE = 500;

export interface CaseExport {
  file: Blob;
  count: number;
}

/**
 * The CSV file of exactly the cases the filter shows, in list order, built page by page.
 * `onProgress` hears how many cases are written of how many match.
 */
export async function exportCases(
  cases: RxCollection<Case>,
  query: { filter: CaseFilter; today: string },
  ctx: ExportContext,
  onProgress: (done: number, total: number) => void,
): Promise<CaseExport> {
  const total = await firstValueFrom(matchCount$(cases, query.filter, query.today));
  const parts = [CSV_BOM, csvLines([exportHeader(ctx.t)])];
  let count = 0;
  for await (const page of casePages(cases, query.filter, query.today, EXPORT_PAGE_SIZE)) {
    parts.push(csvLines(page.map((c) => exportRow(c, ctx))));
    count += page.length;
    onProgress(count, Math.max(total, count));
  }
  return { file: new Blob(parts, { type: 'text/csv;charset=utf-8' }), count };
}

/** The file name, e.g. saksoversikt-2026-12-06.csv. */
export function exportFileName(stem: string, today: string): string {
  return `${stem}-${today}.csv`;
}
