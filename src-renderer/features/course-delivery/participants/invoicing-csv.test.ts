import { describe, expect, it } from 'vitest';
import { invoicingColumns, type InvoicingRow } from '../../../../src-shared/domain/course-delivery/participants/invoicing-basis';
import { invoicingCsv, invoicingFileName } from './invoicing-csv';
import { participantsTexts } from './participants-text';

const row: InvoicingRow = {
  name: 'Åse Ødegård',
  email: 'ase@example.com',
  phone: '+47 912 34 567',
  employer: 'Fjordheim kommune; helse',
  invoiceName: 'Fjordheim kommune',
  organisationNumber: '964338531',
  address: 'Postboks 1, 6800 Førde',
  reference: '=EVU',
  courseCode: 'VEI-H26',
  priceNok: '14900',
};

describe('the invoicing basis as CSV', () => {
  it('starts with the BOM and a header row, separates with semicolons and quotes what needs it', () => {
    const csv = invoicingCsv([row], participantsTexts.nb.invoicing.columns);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, line, rest] = csv.slice(1).split('\r\n');
    expect(header!.split(';')).toHaveLength(invoicingColumns.length);
    expect(header).toMatch(/^Navn;E-post;/);
    // A field with a semicolon is quoted; one Excel would read as a formula (a phone number's + too) is defused.
    expect(line).toBe(
      `Åse Ødegård;ase@example.com;"'+47 912 34 567";"Fjordheim kommune; helse";Fjordheim kommune;964338531;Postboks 1, 6800 Førde;"'=EVU";VEI-H26;14900`,
    );
    expect(rest).toBe('');
  });

  it('names the file by the course code', () => {
    expect(invoicingFileName('VEI-H26')).toBe('fakturagrunnlag-VEI-H26.csv');
    expect(invoicingFileName('VEI/H 26')).toBe('fakturagrunnlag-VEI_H_26.csv');
  });
});
