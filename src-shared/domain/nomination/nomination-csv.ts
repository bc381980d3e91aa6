import Papa from 'papaparse';
import type { z } from 'zod';
import { columnOfHeader, nominationCsvColumns, type CsvText, type NominationCsvColumn } from './nomination-csv-columns';
import { nominationDraftSchema, type NominationDraft, type NominationField } from './nomination-csv-draft';

export type { CsvText } from './nomination-csv-columns';
export { cefrLevels, nominationDraftSchema, type NominationDraft } from './nomination-csv-draft';
export { nominationCsvTemplate } from './nomination-csv-template';

/**
 * A nominator's CSV file of nominations, read in the portal (browser) and again on the server.
 * Semicolons or commas (Excel in Norway writes semicolons), with or without a UTF-8 byte-order
 * mark, headers in Norwegian or English in any order. All or nothing: either every row is a valid
 * nomination, or the result is every error found and no nominations.
 */
export const MAX_NOMINATION_CSV_BYTES = 1024 * 1024;
export const MAX_NOMINATION_CSV_ROWS = 1000;

export interface NominationCsvError {
  /** The spreadsheet's row number: the header is row 1, the first nomination row 2. Absent for the file as a whole. */
  row?: number;
  /** The column's header as the file writes it. */
  column?: string;
  message: CsvText;
}

export interface NominationCsvDraft {
  row: number;
  nomination: NominationDraft;
}

export type NominationCsvResult = { ok: true; drafts: NominationCsvDraft[] } | { ok: false; errors: NominationCsvError[] };

const messages = {
  tooLarge: {
    nb: `Filen er større enn ${MAX_NOMINATION_CSV_BYTES / 1024 / 1024} MB. Del den i flere filer.`,
    en: `The file is larger than ${MAX_NOMINATION_CSV_BYTES / 1024 / 1024} MB. Split it into several files.`,
  },
  tooManyRows: {
    nb: `Filen har flere enn ${MAX_NOMINATION_CSV_ROWS} nominasjoner. Del den i flere filer.`,
    en: `The file has more than ${MAX_NOMINATION_CSV_ROWS} nominations. Split it into several files.`,
  },
  notUtf8: {
    nb: 'Filen er ikke lagret som UTF-8, så æ, ø og å blir feil. Lagre den i Excel som «CSV UTF-8 (kommadelt)».',
    en: 'The file is not saved as UTF-8, so letters such as æ, ø and å are lost. In Excel, save it as "CSV UTF-8 (comma delimited)".',
  },
  empty: { nb: 'Filen har ingen nominasjoner.', en: 'The file has no nominations.' },
  unclosedQuote: {
    nb: 'Et anførselstegn (") i denne raden lukkes aldri, så resten av filen kan ikke leses.',
    en: 'A quotation mark (") in this row is never closed, so the rest of the file cannot be read.',
  },
  unknownColumn: (header: string): CsvText => ({
    nb: `Ukjent kolonne «${header}». Kolonnene er: ${nominationCsvColumns.map((column) => column.label.nb).join(', ')}.`,
    en: `Unknown column "${header}". The columns are: ${nominationCsvColumns.map((column) => column.label.en).join(', ')}.`,
  }),
  repeatedColumn: (first: string): CsvText => ({ nb: `Samme kolonne som «${first}».`, en: `The same column as "${first}".` }),
  missingColumn: (column: NominationCsvColumn): CsvText => ({
    nb: `Kolonnen «${column.label.nb}» mangler.`,
    en: `The column "${column.label.en}" is missing.`,
  }),
  cellOutsideColumns: {
    nb: 'Raden har en verdi utenfor kolonnene i overskriftsraden.',
    en: 'The row has a value outside the columns of the header row.',
  },
  required: { nb: 'Må fylles ut.', en: 'Required.' },
  languagePair: { nb: 'Oppgi både språk og språknivå, eller ingen av dem.', en: 'Give both language and language level, or neither.' },
  duplicate: (row: number): CsvText => ({
    nb: `Samme e-post og tilbud som rad ${row}.`,
    en: `The same e-mail and offer as row ${row}.`,
  }),
};

/** `today` (YYYY-MM-DD) bounds birth dates. */
export function parseNominationCsv(text: string, { today }: { today: string }): NominationCsvResult {
  const fileError = (message: CsvText): NominationCsvResult => ({ ok: false, errors: [{ message }] });
  if (text.length > MAX_NOMINATION_CSV_BYTES || utf8Bytes(text) > MAX_NOMINATION_CSV_BYTES) return fileError(messages.tooLarge);
  // A file in Windows-1252 read as UTF-8 turns æøå into replacement characters.
  if (text.includes('\uFFFD')) return fileError(messages.notUtf8);
  if (text.trim() === '') return fileError(messages.empty);

  // Papa drops a leading byte-order mark.
  const parsed = Papa.parse<string[]>(text, { delimiter: delimiterOf(text), skipEmptyLines: false });
  const unclosed = parsed.errors.find((error) => error.type === 'Quotes');
  if (unclosed) return { ok: false, errors: [{ row: (unclosed.row ?? 0) + 1, message: messages.unclosedQuote }] };
  const [header = [], ...records] = parsed.data;
  const rows = records.map((cells, index) => ({ row: index + 2, cells })).filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
  if (rows.length > MAX_NOMINATION_CSV_ROWS) return fileError(messages.tooManyRows);

  const columns = readHeader(header);
  if (!columns.ok) return { ok: false, errors: columns.errors };
  if (rows.length === 0) return fileError(messages.empty);

  const errors: NominationCsvError[] = [];
  const drafts: NominationCsvDraft[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of rows) {
    const checked = checkRow(row, cells, columns, today);
    if (!checked.ok) {
      errors.push(...checked.errors);
      continue;
    }
    const key = `${checked.nomination.email}\u0000${checked.nomination.offerCode}`;
    const first = firstRowOf.get(key);
    if (first === undefined) firstRowOf.set(key, row);
    else errors.push({ row, column: columns.byField.get('email')?.header, message: messages.duplicate(first) });
    drafts.push({ row, nomination: checked.nomination });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, drafts };
}

/** Whichever of ; and , the header row uses more (a header cell holds neither). */
function delimiterOf(text: string): ';' | ',' {
  const headerLine = text.split(/\r?\n|\r/, 1)[0] ?? '';
  const count = (separator: string) => headerLine.split(separator).length - 1;
  return count(';') >= count(',') && count(';') > 0 ? ';' : ',';
}

type HeadedColumn = NominationCsvColumn & { header: string };
/** The file's columns by position (gaps for blank header cells) and by field. */
type Columns = { byIndex: HeadedColumn[]; byField: Map<NominationField, HeadedColumn> };

function readHeader(cells: readonly string[]): ({ ok: true } & Columns) | { ok: false; errors: NominationCsvError[] } {
  const errors: NominationCsvError[] = [];
  const byIndex: HeadedColumn[] = [];
  const byField = new Map<NominationField, HeadedColumn>();
  cells.forEach((cell, index) => {
    const header = cell.trim();
    if (header === '') return; // a blank header cell (Excel's trailing separator): its cells must stay blank
    const column = columnOfHeader(header);
    if (!column) return errors.push({ row: 1, column: header, message: messages.unknownColumn(header) });
    const first = byField.get(column.field);
    if (first) return errors.push({ row: 1, column: header, message: messages.repeatedColumn(first.header) });
    byField.set(column.field, (byIndex[index] = { ...column, header }));
  });
  for (const column of nominationCsvColumns) {
    if (column.required && !byField.has(column.field)) errors.push({ row: 1, message: messages.missingColumn(column) });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, byIndex, byField };
}

function checkRow(
  row: number,
  cells: readonly string[],
  columns: Columns,
  today: string,
): { ok: true; nomination: NominationDraft } | { ok: false; errors: NominationCsvError[] } {
  const raw = new Map<NominationField, string>();
  let outside = false;
  cells.forEach((cell, index) => {
    const column = columns.byIndex[index];
    if (column) raw.set(column.field, cell.trim());
    else if (cell.trim() !== '') outside = true;
  });
  const errors: NominationCsvError[] = outside ? [{ row, message: messages.cellOutsideColumns }] : [];
  const failed = new Set<NominationField>();
  const fail = (field: NominationField, message: CsvText) => {
    if (failed.has(field)) return;
    failed.add(field);
    errors.push({ row, column: columns.byField.get(field)?.header, message });
  };

  for (const column of nominationCsvColumns) {
    if (column.required && !raw.get(column.field)) fail(column.field, messages.required);
  }
  const input = draftInput(raw);
  const parsed = nominationDraftSchema.safeParse(input);
  if (!parsed.success) for (const issue of parsed.error.issues) fail(...fieldAndMessage(issue, columns));
  if (typeof input.birthDate === 'string' && input.birthDate > today) fail('birthDate', columnOf('birthDate').invalid);

  if (errors.length > 0 || !parsed.success) return { ok: false, errors: errors.sort(byColumnOrder(columns)) };
  return { ok: true, nomination: parsed.data };
}

/** The cells as the draft schema reads them: trimmed, blank as absent, codes in their usual case, dates as YYYY-MM-DD. */
function draftInput(raw: ReadonlyMap<NominationField, string>): Record<NominationField, unknown> {
  const cell = (field: NominationField) => raw.get(field) || undefined;
  const upper = (field: NominationField) => cell(field)?.toUpperCase();
  const esi = cell('globalStudentId');
  return {
    givenName: cell('givenName')?.replace(/\s+/g, ' '),
    familyName: cell('familyName')?.replace(/\s+/g, ' '),
    email: cell('email')?.toLowerCase(),
    birthDate: isoDateOf(cell('birthDate')),
    citizenship: upper('citizenship'),
    offerCode: upper('offerCode'),
    term: upper('term'),
    choices: (upper('choices') ?? '').split(/[\s,;|]+/).filter(Boolean),
    globalStudentId: esi?.replace(/^urn:schac:personalUniqueCode:int:esi:/i, 'urn:schac:personalUniqueCode:int:esi:'),
    homeInstitution: cell('homeInstitution'),
    language: cell('language')?.toLowerCase(),
    languageLevel: upper('languageLevel'),
  };
}

/** DD.MM.YYYY (Norwegian Excel's date format) or D/M/YYYY as YYYY-MM-DD; other text is left for the schema to refuse. */
function isoDateOf(value: string | undefined): string | undefined {
  const dayFirst = value?.match(/^(\d{1,2})[./](\d{1,2})[./](\d{4})$/);
  return dayFirst ? `${dayFirst[3]}-${dayFirst[2]!.padStart(2, '0')}-${dayFirst[1]!.padStart(2, '0')}` : value;
}

const columnOf = (field: NominationField) => nominationCsvColumns.find((column) => column.field === field)!;

/** The column a schema issue is about, and what to tell the nominator. */
function fieldAndMessage(issue: z.core.$ZodIssue, columns: Columns): [NominationField, CsvText] {
  const field = issue.path[0] as NominationField;
  // The schema's one check across cells: a language and its level come together (shown at the
  // blank one, or at the other when the file has no column for the blank one).
  if (issue.code === 'custom' && (field === 'language' || field === 'languageLevel')) {
    const other = field === 'language' ? 'languageLevel' : 'language';
    return [columns.byField.has(field) ? field : other, messages.languagePair];
  }
  return [field, columnOf(field).invalid];
}

/** Errors of a row in the order of the file's columns (a cell outside the columns first). */
function byColumnOrder(columns: Columns) {
  const position = (error: NominationCsvError) => columns.byIndex.findIndex((column) => column?.header === error.column);
  return (a: NominationCsvError, b: NominationCsvError) => position(a) - position(b);
}

/** UTF-8 size of a text, without TextEncoder (not part of the shared code's runtime). */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
