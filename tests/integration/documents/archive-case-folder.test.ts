import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoArchiveRecord, demoFollowUpCase } from '../../../src-main/cli/demo-case';
import { createFolderArchiveAdapter, FOLDER_MANIFEST } from '../../../src-main/services/archive/adapters/folder.adapter';
import { createNoark5ExportAdapter } from '../../../src-main/services/archive/adapters/noark5-export.adapter';
import type { ArchiveRecord } from '../../../src-shared/documents/archive-record.schema';
import { readPackageAsArkade } from './arkade-reader';
import { course, courseContractRecord, ELEVEN_DIGITS } from './case-folder-record';
import { repoRoot, withNoark5Dirs, withTempDir } from './tools';

const contract = courseContractRecord();
const contractPdf = Buffer.from('%PDF-1.7 the countersigned contract');
const schemasDir = join(repoRoot, 'vendor', 'schemas');
const info = { archiveTitle: 'Høgskolen for helse og omsorg – Saksflyt', creatorId: '987654321', creatorName: 'Høgskolen for helse og omsorg' };
const closure = { caseId: course.start.id, caseNumber: course.start.caseNumber, closedAt: '2026-12-20T09:00:00.000Z', closedBy: 'Per Hansen' };
/** A participant's document in the same course case: filed on the student as before. */
const studentRecord: ArchiveRecord = {
  ...demoArchiveRecord(demoFollowUpCase(), 'decision', []),
  documentId: 'course-certificate-1',
  kind: 'certificate',
  title: 'Kursbevis – EVU-VEI-H26',
  fileName: 'kursbevis.pdf',
  case: contract.case,
};

const values = (xml: string, element: string) => [...xml.matchAll(new RegExp(`<${element}>([^<]*)</${element}>`, 'g'))].map((match) => match[1] ?? '');
const read = (dir: string, file: string) => readFile(join(dir, file), 'utf8');

async function packageOf(records: ArchiveRecord[], use: (dir: string) => Promise<void>): Promise<void> {
  await withNoark5Dirs(async ({ dir, stagingDir }) => {
    let minute = 0;
    const adapter = createNoark5ExportAdapter({ dir, stagingDir, info, schemasDir, now: () => new Date(Date.UTC(2026, 11, 1, 12, minute++)) });
    for (const [index, record] of records.entries()) await adapter.archive({ id: `o-${index}`, record, pdf: contractPdf });
    await adapter.closeCase?.({ id: 'o-close', closure });
    await use(dir);
  });
}

describe('Noark 5 export: a document of the case’s own folder (the course contract)', () => {
  it('gives the course’s saksmappe no part and no screening, shows the teaching resource by name, and the package reads as Arkade reads it', async () => {
    await packageOf([contract], async (dir) => {
      const reading = await readPackageAsArkade(dir);
      expect(reading.documentFiles).toEqual([`dokumenter/kontrakt-2026-00107-${course.start.id}-contract.pdf`]);
      const arkivstruktur = await read(dir, 'arkivstruktur.xml');
      expect(arkivstruktur).not.toContain('<part>');
      expect(arkivstruktur).not.toContain('<skjerming>');
      expect(values(arkivstruktur, 'tittel')).toContain(course.start.title);
      expect(values(arkivstruktur, 'offentligTittel')).toEqual([course.start.title, contract.title]);
      expect(values(arkivstruktur, 'korrespondansepartNavn')).toEqual(['Solveig Kræmer']);

      const offentlig = await read(dir, 'offentligJournal.xml');
      expect(values(offentlig, 'korrespondansepartNavn')).toEqual(['Solveig Kræmer']);
      expect(offentlig).not.toContain('tilgangsrestriksjon');
      expect(offentlig).not.toContain('*****');
      const loepende = await read(dir, 'loependeJournal.xml');
      expect(loepende).not.toContain('skjermingMetadata');
      for (const file of ['arkivstruktur.xml', 'loependeJournal.xml', 'offentligJournal.xml']) expect(await read(dir, file)).not.toMatch(ELEVEN_DIGITS);
    });
  });

  it('keeps a student’s document in the same case screened, and the contract beside it public', async () => {
    await packageOf([contract, studentRecord], async (dir) => {
      await readPackageAsArkade(dir);
      const arkivstruktur = await read(dir, 'arkivstruktur.xml');
      expect(values(arkivstruktur, 'partNavn')).toEqual(['Åse Ødegård']);
      // The folder and the student's registration are screened; the contract's registration is not.
      expect(arkivstruktur.match(/<skjerming>/g)).toHaveLength(2);
      expect(values(arkivstruktur, 'offentligTittel')).toEqual([`${course.start.title} – *****`, contract.title, 'Kursbevis – EVU-VEI-H26 – *****']);
      expect(values(await read(dir, 'offentligJournal.xml'), 'korrespondansepartNavn')).toEqual(['Solveig Kræmer', '*****', '*****']);
    });
  });
});

describe('Folder archive: a document of the case’s own folder', () => {
  it('files the contract in the case’s folder with a manifest that names nobody by national ID', async () => {
    await withTempDir(async (dir) => {
      const receipt = await createFolderArchiveAdapter({ dir }).archive({ id: 'o-1', record: contract, pdf: contractPdf });
      expect(receipt.reference).toBe(`2026-00107/kontrakt-2026-00107-${course.start.id}-contract.pdf`);
      expect(await readdir(join(dir, '2026-00107'))).toEqual([`kontrakt-2026-00107-${course.start.id}-contract.pdf`]);
      const manifest = await read(dir, FOLDER_MANIFEST);
      expect(JSON.parse(manifest).documents[0].record).toMatchObject({ folder: 'case', case: { caseNumber: course.start.caseNumber } });
      expect(manifest).not.toContain('"student"');
      expect(manifest).not.toMatch(ELEVEN_DIGITS);
    });
  });
});
