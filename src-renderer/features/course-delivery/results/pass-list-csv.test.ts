import { describe, expect, it } from 'vitest';
import { parsePassList } from './pass-list-csv';

describe('the pass list from CSV', () => {
  it('reads semicolon or comma lists with a BOM, in Norwegian or English, any case', () => {
    const norwegian = '\uFEFFe-post;navn;resultat\r\nase@example.com;Åse Ødegård;bestått\r\nPer@Example.com;Per Ås;Ikke  bestått\r\n\r\n';
    expect(parsePassList(norwegian)).toEqual({
      ok: true,
      entries: [
        { email: 'ase@example.com', name: 'Åse Ødegård', result: 'passed' },
        { email: 'Per@Example.com', name: 'Per Ås', result: 'failed' },
      ],
    });
    expect(parsePassList('Name,Email,Result\nKari,kari@example.com,PASSED\n')).toEqual({
      ok: true,
      entries: [{ email: 'kari@example.com', name: 'Kari', result: 'passed' }],
    });
  });

  it('names every bad row and refuses the whole list', () => {
    const text = [
      'e-post;navn;resultat',
      'ase@example.com;Åse;bestått',
      'ikke-en-adresse;Per;bestått',
      'kari@example.com;;bestått',
      'ola@example.com;Ola;kanskje',
      'ASE@example.com;Åse igjen;bestått',
      'eva@example.com;Eva',
    ].join('\n');
    expect(parsePassList(text)).toEqual({
      ok: false,
      problems: [
        { row: 3, code: 'email', value: 'ikke-en-adresse' },
        { row: 4, code: 'name', value: '' },
        { row: 5, code: 'result', value: 'kanskje' },
        { row: 6, code: 'duplicate', value: 'ASE@example.com' },
        { row: 7, code: 'shape' },
      ],
    });
  });

  it('says which columns are missing, and that a list without rows is empty', () => {
    expect(parsePassList('e-post;navn\na@example.com;A')).toEqual({ ok: false, problems: [{ code: 'columns', missing: ['resultat'] }] });
    expect(parsePassList('e-post;navn;resultat\n')).toEqual({ ok: false, problems: [{ code: 'empty' }] });
    expect(parsePassList('')).toEqual({ ok: false, problems: [{ code: 'columns', missing: ['e-post', 'navn', 'resultat'] }] });
  });
});
