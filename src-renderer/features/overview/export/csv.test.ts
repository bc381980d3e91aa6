import { describe, expect, it } from 'vitest';
import { csvLines } from './csv';

describe('CSV lines for Norwegian Excel', () => {
  it('separates fields with semicolons and ends every line with CRLF', () => {
    expect(
      csvLines([
        ['2026/00001', 'Sak', 'Praksis'],
        ['2026/00002', 'Sak 2', ''],
      ]),
    ).toBe('2026/00001;Sak;Praksis\r\n2026/00002;Sak 2;\r\n');
  });

  it('quotes fields with a semicolon, a quote or a line break, doubling the quote', () => {
    expect(csvLines([['a;b', 'si "hei"', 'linje 1\nlinje 2', 'cr\rlf', 'plain']])).toBe('"a;b";"si ""hei""";"linje 1\nlinje 2";"cr\rlf";plain\r\n');
  });

  it('keeps Norwegian letters as they are', () => {
    expect(csvLines([['Øystein Ærø', 'Blåbærsyltetøy', 'ÆØÅ æøå']])).toBe('Øystein Ærø;Blåbærsyltetøy;ÆØÅ æøå\r\n');
  });

  it.each([
    ['=HYPERLINK("http://x.example")', `"'=HYPERLINK(""http://x.example"")"`],
    ['+47 55 00 00 00', `"'+47 55 00 00 00"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tindent', `"'\tindent"`],
    ['\rcr', `"'\rcr"`],
    ['=1+1\nline two', `"'=1+1\nline two"`],
  ])('guards %j against formula injection with a leading apostrophe', (field, written) => {
    expect(csvLines([[field, 'x']])).toBe(`${written};x\r\n`);
  });

  it('leaves formula characters inside a field alone', () => {
    expect(csvLines([['a=b', 'x-1', 'e@post.example']])).toBe('a=b;x-1;e@post.example\r\n');
  });

  it('writes nothing for no rows', () => {
    expect(csvLines([])).toBe('');
  });
});
