import { invoicingColumns, type InvoicingColumn, type InvoicingRow } from '../../../../src-shared/domain/course-delivery/participants/invoicing-basis';
import { CSV_BOM, csvLines } from '../../overview/export/csv';

/** The invoicing basis as a file Norwegian Excel opens as it is: UTF-8 with BOM, semicolons, a header row in the UI language. */
export function invoicingCsv(rows: readonly InvoicingRow[], headers: Record<InvoicingColumn, string>): string {
  return CSV_BOM + csvLines([invoicingColumns.map((column) => headers[column]), ...rows.map((row) => invoicingColumns.map((column) => row[column]))]);
}

/** The file's name: the course code, safe on every file system. */
export const invoicingFileName = (courseCode: string): string => `fakturagrunnlag-${courseCode.replace(/[^\w-]+/g, '_')}.csv`;
