import { parse } from 'papaparse';
import { courseResultSchema, type CourseResult } from '../../../../src-shared/domain/course-delivery/participants/course-results';

/** The most rows a list may have (the results' own limit). */
const MAX_ROWS = 1000;

export type PassListProblem =
  | { code: 'columns'; missing: string[] }
  | { code: 'empty' }
  | { code: 'tooMany'; count: number }
  | { row: number; code: 'email' | 'name' | 'result' | 'duplicate' | 'shape'; value?: string };

export type PassListParse = { ok: true; entries: CourseResult[] } | { ok: false; problems: PassListProblem[] };

/** The headings each column may have (Norwegian or English, any case). */
const headings = {
  email: ['e-post', 'epost', 'email', 'e-mail'],
  name: ['navn', 'name'],
  result: ['resultat', 'result'],
} as const;

/** A result as teachers write it: bestått / ikke bestått, or passed / failed, in any case. */
const resultWords: Record<string, CourseResult['result']> = {
  bestått: 'passed',
  bestatt: 'passed',
  passed: 'passed',
  'ikke bestått': 'failed',
  'ikke bestatt': 'failed',
  failed: 'failed',
};

/**
 * The teaching resource's pass list from a CSV file (columns e-post; navn; resultat, separated by
 * semicolons or commas, as Excel saves it, with or without a BOM): every entry checked as the
 * course's results are, each address once. Any problem refuses the whole list, with every bad row
 * named by its row number in the file (the heading is row 1).
 */
export function parsePassList(text: string): PassListParse {
  const parsed = parse<string[]>(text.replace(/^\uFEFF/, '').trim(), { skipEmptyLines: 'greedy' });
  const [header = [], ...rows] = parsed.data;
  const normalised = header.map((cell) => cell.trim().toLowerCase());
  const column = Object.fromEntries(
    Object.entries(headings).map(([key, names]) => [key, normalised.findIndex((cell) => (names as readonly string[]).includes(cell))]),
  ) as Record<keyof typeof headings, number>;
  const missing = Object.entries(column).filter(([, index]) => index < 0);
  if (missing.length > 0) return { ok: false, problems: [{ code: 'columns', missing: missing.map(([key]) => headings[key as keyof typeof headings][0]) }] };
  if (rows.length === 0) return { ok: false, problems: [{ code: 'empty' }] };
  if (rows.length > MAX_ROWS) return { ok: false, problems: [{ code: 'tooMany', count: rows.length }] };

  const problems: PassListProblem[] = [];
  const entries: CourseResult[] = [];
  const seen = new Set<string>();
  rows.forEach((cells, index) => {
    const row = index + 2;
    if (cells.length !== header.length) return void problems.push({ row, code: 'shape' });
    const value = (key: keyof typeof headings) => cells[column[key]]?.trim() ?? '';
    const result = resultWords[value('result').toLowerCase().replace(/\s+/g, ' ')];
    if (!result) return void problems.push({ row, code: 'result', value: value('result') });
    const entry = courseResultSchema.safeParse({ email: value('email'), name: value('name'), result });
    if (!entry.success) {
      const field = entry.error.issues[0]!.path[0] === 'email' ? 'email' : 'name';
      return void problems.push({ row, code: field, value: value(field) });
    }
    const address = entry.data.email.toLowerCase();
    if (seen.has(address)) return void problems.push({ row, code: 'duplicate', value: entry.data.email });
    seen.add(address);
    entries.push(entry.data);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, entries };
}
