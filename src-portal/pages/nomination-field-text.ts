import { nominationCsvColumns } from '../../src-shared/domain/nomination/nomination-csv-columns';
import type { Language } from '../i18n/dictionary';

/** A field's label and what a valid value looks like, in the user's language (the CSV columns' texts, so form and file say the same). */
export function fieldText(field: string, language: Language): { label: string; invalid: string } {
  const column = nominationCsvColumns.find((candidate) => candidate.field === field);
  return { label: column?.label[language] ?? field, invalid: column?.invalid[language] ?? '' };
}
