import Papa from 'papaparse';
import { nominationCsvColumns } from './nomination-csv-columns';

/**
 * The CSV template nominators download: the header in the portal's language and one example row.
 * Norwegian uses semicolons (what Excel in Norway opens as columns), English commas; a byte-order
 * mark tells Excel the file is UTF-8. `offer` puts one of the partner's own offers in the example.
 */
export function nominationCsvTemplate(language: 'nb' | 'en', offer?: { code: string; term: string }): string {
  const example = nominationCsvColumns.map((column) => {
    if (offer && column.field === 'offerCode') return offer.code;
    if (offer && column.field === 'term') return offer.term;
    if (offer && column.field === 'choices') return offer.code;
    return column.example;
  });
  const csv = Papa.unparse([nominationCsvColumns.map((column) => column.label[language]), example], {
    delimiter: language === 'nb' ? ';' : ',',
    newline: '\r\n',
  });
  return `\uFEFF${csv}\r\n`;
}
