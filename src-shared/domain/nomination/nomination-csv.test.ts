import { describe, expect, it } from 'vitest';
import { MAX_NOMINATION_CSV_BYTES, MAX_NOMINATION_CSV_ROWS, nominationCsvTemplate, parseNominationCsv, type NominationCsvResult } from './nomination-csv';

const today = '2026-12-06';
const parse = (text: string) => parseNominationCsv(text, { today });
const errorsOf = (result: NominationCsvResult) => (result.ok ? [] : result.errors);

const NB_HEADER =
  'Fornavn;Etternavn;E-post;Fødselsdato;Statsborgerskap;Tilbudskode;Termin;Valg i prioritert rekkefølge;ESI;Hjemlærested;Språk;Språknivå (CEFR)';
const nbRow = (cells: Partial<Record<'given' | 'family' | 'email' | 'birth' | 'country' | 'offer' | 'term' | 'choices', string>> = {}) =>
  [
    cells.given ?? 'Åse Marie',
    cells.family ?? 'Ødegård',
    cells.email ?? 'ase@example.com',
    cells.birth ?? '17.04.2003',
    cells.country ?? 'no',
    cells.offer ?? 'UTV-HEL-27V',
    cells.term ?? '2027V',
    cells.choices ?? '',
    '',
    '',
    '',
    '',
  ].join(';');

describe('parseNominationCsv', () => {
  it('reads an Excel file with semicolons, a byte-order mark, Norwegian headers and æøå', () => {
    const file =
      `\uFEFF${NB_HEADER}\r\n` +
      'Åse Marie;Ødegård;Ase.Odegard@Example.com;17.04.2003;no;utv-hel-27v;2027v;UTV-HEL-27V | BIP-DIGH-27;URN:SCHAC:personalUniqueCode:int:esi:lindenhof.example:4711;Hochschule Lindenhof;EN;b2\r\n' +
      'Bjørn;Aæsøy;bjorn@example.com;2001-12-31;DE;BIP-DIGH-27;2027V;;;;;\r\n';
    expect(parse(file)).toEqual({
      ok: true,
      drafts: [
        {
          row: 2,
          nomination: {
            givenName: 'Åse Marie',
            familyName: 'Ødegård',
            email: 'ase.odegard@example.com',
            birthDate: '2003-04-17',
            citizenship: 'NO',
            offerCode: 'UTV-HEL-27V',
            term: '2027V',
            choices: ['UTV-HEL-27V', 'BIP-DIGH-27'],
            globalStudentId: 'urn:schac:personalUniqueCode:int:esi:lindenhof.example:4711',
            homeInstitution: 'Hochschule Lindenhof',
            language: 'en',
            languageLevel: 'B2',
          },
        },
        {
          row: 3,
          nomination: {
            givenName: 'Bjørn',
            familyName: 'Aæsøy',
            email: 'bjorn@example.com',
            birthDate: '2001-12-31',
            citizenship: 'DE',
            offerCode: 'BIP-DIGH-27',
            term: '2027V',
            choices: [],
          },
        },
      ],
    });
  });

  it('reads commas, English headers in another order, quoted cells (a quoted first header after the byte-order mark too)', () => {
    const file =
      '\uFEFF"email","Family name",Given name,Date of birth,Nationality,Offer,Semester,Home institution,Language level (CEFR),Language\n' +
      'jose@example.com,"García Ñúñez",José,2002-02-28,ES,UTV-OKO-27V,2027V,"Université de Valmont, Paris",C1,fr\n';
    const result = parse(file);
    expect(result).toEqual({
      ok: true,
      drafts: [
        {
          row: 2,
          nomination: expect.objectContaining({
            givenName: 'José',
            familyName: 'García Ñúñez',
            homeInstitution: 'Université de Valmont, Paris',
            language: 'fr',
            languageLevel: 'C1',
            choices: [],
          }),
        },
      ],
    });
  });

  it('returns no nominations when one row is bad, and names that row, its columns and what is wrong in both languages', () => {
    const file = [
      NB_HEADER,
      nbRow(),
      nbRow({ email: 'ola@example', birth: '31.02.2003', country: 'XX', given: '' }),
      nbRow({ email: 'kari@example.com' }),
    ].join('\n');
    const result = parse(file);
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('drafts');
    expect(errorsOf(result)).toEqual([
      { row: 3, column: 'Fornavn', message: { nb: 'Må fylles ut.', en: 'Required.' } },
      { row: 3, column: 'E-post', message: { nb: 'Ikke en gyldig e-postadresse.', en: 'Not a valid e-mail address.' } },
      { row: 3, column: 'Fødselsdato', message: expect.objectContaining({ en: expect.stringContaining('YYYY-MM-DD or DD.MM.YYYY') }) },
      { row: 3, column: 'Statsborgerskap', message: expect.objectContaining({ nb: expect.stringContaining('ISO 3166') }) },
    ]);
  });

  it('refuses a birth date after today, a country code that is not a country, a choice given twice, a formula and a level without a language', () => {
    const file = [
      'Fornavn;Etternavn;E-post;Fødselsdato;Statsborgerskap;Tilbudskode;Termin;Valg;Hjemlærested;Språknivå',
      'Kari;Nordmann;kari@example.com;2026-12-07;EU;UTV-HEL-27V;2027V;UTV-HEL-27V|UTV-HEL-27V;@SUM(A1);B2',
      'Arta;Krasniqi;arta@example.com;2026-12-06;XK;UTV-HEL-27V;2027V;;;',
    ].join('\n');
    expect(errorsOf(parse(file)).map((error) => [error.row, error.column, error.message.en.slice(0, 24)])).toEqual([
      [2, 'Fødselsdato', 'Write the birth date as '],
      [2, 'Statsborgerskap', 'Write the country as a t'],
      [2, 'Valg', 'Write up to 10 different'],
      [2, 'Hjemlærested', 'A home institution has a'],
      [2, 'Språknivå', 'Give both language and l'],
    ]);
  });

  it('refuses the same e-mail and offer twice, at the later row, but not the same person for another offer', () => {
    const file = [NB_HEADER, nbRow(), nbRow({ offer: 'BIP-DIGH-27' }), nbRow({ email: 'ASE@example.com ' })].join('\n');
    expect(parse(file)).toEqual({
      ok: false,
      errors: [{ row: 4, column: 'E-post', message: { nb: 'Samme e-post og tilbud som rad 2.', en: 'The same e-mail and offer as row 2.' } }],
    });
  });

  it('counts rows as the spreadsheet does, skipping blank lines and reading a cell over two lines as one row', () => {
    const file = [NB_HEADER, nbRow(), ';;;;;;;;;;;', '', nbRow({ email: 'ola@example.com', given: '"Ola\nPer"' }), nbRow({ email: 'x' })].join('\n');
    expect(errorsOf(parse(file))).toEqual([{ row: 6, column: 'E-post', message: { nb: 'Ikke en gyldig e-postadresse.', en: 'Not a valid e-mail address.' } }]);
    const valid = parse(file.slice(0, file.lastIndexOf('\n')));
    expect(valid.ok && valid.drafts.map((draft) => [draft.row, draft.nomination.givenName])).toEqual([
      [2, 'Åse Marie'],
      [5, 'Ola Per'],
    ]);
  });

  it('refuses a file over the size limit, in bytes or in rows, with one clear message', () => {
    const big = NB_HEADER + '\n' + nbRow({ given: 'Å'.repeat(MAX_NOMINATION_CSV_BYTES / 2) });
    expect(parse(big)).toEqual({
      ok: false,
      errors: [{ message: expect.objectContaining({ en: 'The file is larger than 1 MB. Split it into several files.' }) }],
    });

    const rows = (count: number) => [NB_HEADER, ...Array.from({ length: count }, (_, index) => nbRow({ email: `a${index}@example.com` }))].join('\n');
    const atLimit = parse(rows(MAX_NOMINATION_CSV_ROWS));
    expect(atLimit.ok && atLimit.drafts.length).toBe(MAX_NOMINATION_CSV_ROWS);
    expect(parse(rows(MAX_NOMINATION_CSV_ROWS + 1))).toEqual({
      ok: false,
      errors: [
        {
          message: {
            nb: 'Filen har flere enn 1000 nominasjoner. Del den i flere filer.',
            en: 'The file has more than 1000 nominations. Split it into several files.',
          },
        },
      ],
    });
  });

  it('names unknown, repeated and missing columns in the header row before reading any nomination', () => {
    const file = [
      'Fornavn;Etternavn;E-post;Email;Fødselsdato;Land;Tilbudskode;Termin',
      'Kari;Nordmann;kari@example.com;kari@example.com;2000-01-01;NO;UTV;2027V',
    ].join('\n');
    expect(errorsOf(parse(file))).toEqual([
      { row: 1, column: 'Email', message: { nb: 'Samme kolonne som «E-post».', en: 'The same column as "E-post".' } },
      {
        row: 1,
        column: 'Land',
        message: expect.objectContaining({ en: expect.stringMatching(/^Unknown column "Land"\. The columns are: Given name, Family name/) }),
      },
      { row: 1, message: { nb: 'Kolonnen «Statsborgerskap» mangler.', en: 'The column "Citizenship" is missing.' } },
    ]);
  });

  it('explains a file that is not UTF-8, an unclosed quotation mark, a value outside the columns and a file without nominations', () => {
    expect(errorsOf(parse(`${NB_HEADER}\nK\uFFFDre;Nordmann`))[0]?.message.en).toMatch(/not saved as UTF-8/);
    expect(errorsOf(parse(`${NB_HEADER}\n${nbRow()}\n"Kari;Nordmann`))).toEqual([
      { row: 3, message: expect.objectContaining({ en: expect.stringMatching(/never closed/) }) },
    ]);
    expect(errorsOf(parse(`${NB_HEADER}\n${nbRow()};overflow`))).toEqual([
      { row: 2, message: expect.objectContaining({ en: expect.stringMatching(/outside the columns/) }) },
    ]);
    const empty = [{ message: { nb: 'Filen har ingen nominasjoner.', en: 'The file has no nominations.' } }];
    expect(errorsOf(parse(`\uFEFF${NB_HEADER}\r\n\r\n`))).toEqual(empty);
    expect(errorsOf(parse('\uFEFF\r\n'))).toEqual(empty);
  });
});

describe('nominationCsvTemplate', () => {
  it.each(['nb', 'en'] as const)('parses back to one valid example row (%s)', (language) => {
    const template = nominationCsvTemplate(language);
    expect(template.startsWith('\uFEFF')).toBe(true);
    expect(template.split('\r\n')[0]).toContain(language === 'nb' ? 'Fornavn;Etternavn;E-post' : 'Given name,Family name,E-mail');
    const result = parse(template);
    expect(result).toEqual({
      ok: true,
      drafts: [
        { row: 2, nomination: expect.objectContaining({ givenName: 'Åse Marie', familyName: 'Ødegård', offerCode: 'UTV-HEL-27V', languageLevel: 'B2' }) },
      ],
    });
  });

  it('puts the partner’s own offer in the example', () => {
    const result = parse(nominationCsvTemplate('en', { code: 'BIP-ARC-27', term: '2027H' }));
    expect(result.ok && result.drafts[0]?.nomination).toMatchObject({ offerCode: 'BIP-ARC-27', term: '2027H', choices: ['BIP-ARC-27'] });
  });
});
