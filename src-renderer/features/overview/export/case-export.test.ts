import { describe, expect, it } from 'vitest';
import type { Case } from '../../../../src-shared/domain/case/case.schema';
import { dictionaries } from '../../../i18n/dictionary';
import { addDays } from '../../../ui/calendar';
import { caseListQuery, type CaseFilter } from '../case-query';
import { statusLabel, statusesOf } from '../case-statuses';
import { replicaWithCases } from '../replica.test-helper';
import { EXPORT_PAGE_SIZE, exportCases, exportFileName } from './case-export';
import type { ExportContext } from './case-export-row';

const today = '2026-03-10';
const all: CaseFilter = { search: '', type: '', status: '', deadline: 'all' };
const staff = new Map([['u-kari', 'Kari Ødegård']]);
const context = (language: 'nb' | 'en'): ExportContext => ({ t: dictionaries[language], language, staffName: (id) => staff.get(id) });

/** More cases than two export pages: placements due in the next days, the rest later. */
function makeCases(): Case[] {
  return Array.from({ length: EXPORT_PAGE_SIZE * 2 + 37 }, (_, i) => ({
    id: `case-${String(i).padStart(5, '0')}`,
    type: i % 4 === 0 ? 'placement' : 'approval',
    caseNumber: `2026/${String(i).padStart(5, '0')}`,
    title: i === 0 ? '=Blåbær; "søknad"' : `Søknad fra Åse Ærlig ${i}`,
    status: statusesOf(i % 4 === 0 ? 'placement' : 'approval')[0]!,
    institution: 'HIFJ',
    department: 'økonomi',
    cohort: 'OKAD-2024H',
    subjectPersonId: '',
    assignees: i === 0 ? ['u-kari', 'u-ukjent'] : [],
    deadlines: [],
    // Many cases share a deadline, so pages split inside a run of equal deadlines.
    nextDeadline: addDays(today, i % 4 === 0 ? i % 5 : 40 + (i % 9)),
    details: {},
    createdAt: '2026-01-01T08:00:00.000Z',
    createdBy: 'seed',
    updatedAt: '2026-02-03T09:04:00.000Z',
    updatedBy: 'seed',
  }));
}

async function read(file: Blob): Promise<{ bytes: Uint8Array; lines: string[] }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { bytes, lines: text.slice(1).split('\r\n') };
}

describe('exporting the case list', () => {
  const cases = makeCases();
  const replica = replicaWithCases(cases);
  const exportOf = (filter: CaseFilter, language: 'nb' | 'en' = 'nb', onProgress: (done: number, total: number) => void = () => undefined) =>
    exportCases(replica().cases, { filter, today }, context(language), onProgress);

  it('writes a UTF-8 BOM, the header and every matching case in list order, page by page', async () => {
    const progress: [number, number][] = [];
    const { file, count } = await exportOf(all, 'nb', (done, total) => progress.push([done, total]));
    const { bytes, lines } = await read(file);

    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.type).toBe('text/csv;charset=utf-8');
    expect(lines[0]).toBe('Saksnummer;Tittel;Sakstype;Status;Avdeling;Kull/partner;Neste frist;Saksbehandlere;Sist endret');
    expect(lines.at(-1)).toBe(''); // the last line ends with CRLF too
    expect(count).toBe(cases.length);
    // The overview's own order (its query is checked against a hand-made answer in case-query.test.ts).
    const listed = await replica()
      .cases.find(caseListQuery(all, today, cases.length))
      .exec();
    expect(lines.slice(1, -1).map((line) => line.split(';')[0])).toEqual(listed.map((c) => c.caseNumber));
    expect(progress).toEqual([
      [EXPORT_PAGE_SIZE, cases.length],
      [EXPORT_PAGE_SIZE * 2, cases.length],
      [cases.length, cases.length],
    ]);
  });

  it('writes labels, names, Norwegian dates and guarded, quoted fields', async () => {
    const { file } = await exportOf({ ...all, search: 'blåbær' });
    const { lines } = await read(file);
    const status = statusLabel('nb', 'placement', cases[0]!.status);
    expect(lines.slice(1)).toEqual([
      `2026/00000;"'=Blåbær; ""søknad""";Praksis;${status};økonomi;OKAD-2024H;10.03.2026;Kari Ødegård, u-ukjent;03.02.2026 ${localTime('2026-02-03T09:04:00.000Z')}`,
      '',
    ]);
  });

  it('uses English labels and ISO dates in English', async () => {
    const { file } = await exportOf({ ...all, search: 'blåbær' }, 'en');
    const { lines } = await read(file);
    expect(lines[0]).toBe('Case number;Title;Case type;Status;Department;Cohort/partner;Next deadline;Assignees;Updated');
    expect(lines[1]).toContain(`;Practice placement;${statusLabel('en', 'placement', cases[0]!.status)};`);
    expect(lines[1]).toContain(';2026-03-10;');
  });

  it('exports exactly the filtered cases', async () => {
    const filter: CaseFilter = { ...all, type: 'placement', deadline: 'next7' };
    const { file, count } = await exportOf(filter);
    const { lines } = await read(file);
    const want = cases.filter((c) => c.type === 'placement' && c.nextDeadline <= addDays(today, 7)).map((c) => c.caseNumber);
    expect(count).toBe(want.length);
    expect(
      lines
        .slice(1, -1)
        .map((line) => line.split(';')[0])
        .sort(),
    ).toEqual(want.sort());
  });

  it('has only the header when nothing matches', async () => {
    const { file, count } = await exportOf({ ...all, search: 'finnes ikke' });
    expect(count).toBe(0);
    expect((await read(file)).lines).toHaveLength(2);
  });

  it('names the file after the day', () => {
    expect(exportFileName('saksoversikt', '2026-12-06')).toBe('saksoversikt-2026-12-06.csv');
  });
});

/** HH:mm of a timestamp where the test runs (the export writes local time). */
function localTime(timestamp: string): string {
  const date = new Date(timestamp);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
