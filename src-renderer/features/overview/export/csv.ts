import { unparse } from 'papaparse';

/** UTF-8 byte order mark: tells Excel the file is UTF-8, so æ, ø and å survive. */
export const CSV_BOM = '\uFEFF';

/**
 * A field starting like a formula (= + - @, tab or carriage return) is prefixed with ' (OWASP CSV
 * injection advice). Papaparse's own pattern does not match such a field when it spans lines.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Rows as CSV lines the way Norwegian Excel reads them: semicolons between fields, CRLF after every
 * line (so chunks can be joined), and fields with ; " or line breaks quoted with "" for ".
 */
export function csvLines(rows: string[][]): string {
  if (rows.length === 0) return '';
  return `${unparse(rows, { delimiter: ';', newline: '\r\n', escapeFormulae: FORMULA_START })}\r\n`;
}
