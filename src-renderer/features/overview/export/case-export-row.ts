import type { Case } from '../../../../src-shared/domain/case/case.schema';
import type { Language } from '../../../../src-shared/ipc/settings.contract';
import type { Dictionary } from '../../../i18n/dictionary';
import { statusLabel } from '../case-statuses';
import { exportDeadline, exportTimestamp } from './export-dates';

/** What a row needs besides the case: the UI language and the names of staff. */
export interface ExportContext {
  t: Dictionary;
  language: Language;
  /** A staff member's name, if the staff directory knows the id. */
  staffName: (id: string) => string | undefined;
}

/** The export's columns, in order: header and value of each. */
const columns: readonly [keyof Dictionary['overview']['export']['columns'], (c: Case, ctx: ExportContext) => string][] = [
  ['caseNumber', (c) => c.caseNumber],
  ['title', (c) => c.title],
  ['type', (c, { t }) => t.caseTypes[c.type]],
  ['status', (c, { language }) => statusLabel(language, c.type, c.status)],
  ['department', (c) => c.department],
  ['cohort', (c) => c.cohort],
  ['nextDeadline', (c, { language }) => exportDeadline(c.nextDeadline, language)],
  // An id the directory does not know (yet) is shown as it is, not dropped.
  ['assignees', (c, { staffName }) => c.assignees.map((id) => staffName(id) ?? id).join(', ')],
  ['updated', (c, { language }) => exportTimestamp(c.updatedAt, language)],
];

export function exportHeader(t: Dictionary): string[] {
  return columns.map(([key]) => t.overview.export.columns[key]);
}

export function exportRow(c: Case, ctx: ExportContext): string[] {
  return columns.map(([, value]) => value(c, ctx));
}
