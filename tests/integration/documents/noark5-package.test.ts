import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoArchiveRecord, demoFollowUpCase } from '../../../src-main/cli/demo-case';
import { createNoark5ExportAdapter } from '../../../src-main/services/archive/adapters/noark5-export.adapter';
import { readPackageAsArkade } from './arkade-reader';
import { repoRoot, withNoark5Dirs } from './tools';

const schemasDir = join(repoRoot, 'vendor', 'schemas');

describe('Noark 5 package read back as Arkade does', () => {
  const demo = demoFollowUpCase();
  const closure = (caseId: string, caseNumber: string) => ({ caseId, caseNumber, closedAt: '2027-01-04T09:00:00.000Z', closedBy: 'Per Hansen' });
  const info = { archiveTitle: 'Høgskolen for helse og omsorg – Saksflyt', creatorId: '987654321', creatorName: 'Høgskolen for helse og omsorg' };

  it('describes every file in arkivuttrekk.xml with its SHA-256, schemas and counts, for two cases', async () => {
    await withNoark5Dirs(async ({ dir, stagingDir }) => {
      const adapter = createNoark5ExportAdapter({ dir, stagingDir, info, schemasDir });
      const other = demoArchiveRecord(demo, 'summons', []);
      await adapter.archive({ id: 'o-1', record: demoArchiveRecord(demo, 'summons', []), pdf: Buffer.from('%PDF-1.7 summons') });
      await adapter.archive({ id: 'o-2', record: demoArchiveRecord(demo, 'decision', ['Per Hansen']), pdf: Buffer.from('%PDF-1.7 decision') });
      await adapter.archive({
        id: 'o-3',
        record: { ...other, documentId: 'case-2-summons', case: { ...other.case, id: 'case-2', caseNumber: '2026/00043' } },
        pdf: Buffer.from('%PDF-1.7 another summons'),
      });
      await adapter.closeCase?.({ id: 'o-4', closure: closure(demo.caseId, demo.caseNumber) });
      // Still open: case 2 is not in the package (its folder could not carry avsluttetDato).
      expect((await readPackageAsArkade(dir)).files).toEqual({
        'arkivstruktur.xml': { mappe: 1, registrering: 2 },
        'loependeJournal.xml': { journalregistrering: 2 },
        'offentligJournal.xml': { journalregistrering: 2 },
        'endringslogg.xml': { endring: 1 },
      });
      await adapter.closeCase?.({ id: 'o-5', closure: closure('case-2', '2026/00043') });
      const reading = await readPackageAsArkade(dir);
      expect(reading.files).toEqual({
        'arkivstruktur.xml': { mappe: 2, registrering: 3 },
        'loependeJournal.xml': { journalregistrering: 3 },
        'offentligJournal.xml': { journalregistrering: 3 },
        'endringslogg.xml': { endring: 2 },
      });
      expect(reading.schemas).toEqual(['arkivstruktur.xsd', 'metadatakatalog.xsd', 'loependeJournal.xsd', 'offentligJournal.xsd', 'endringslogg.xsd']);
      // The change log says each folder went from open to closed, when and by whom.
      const endringslogg = await readFile(join(dir, 'endringslogg.xml'), 'utf8');
      expect(endringslogg).toContain('<referanseMetadata>saksstatus</referanseMetadata>');
      expect(endringslogg).toContain('<tidligereVerdi>Under behandling</tidligereVerdi>');
      expect(endringslogg).toContain('<nyVerdi>Avsluttet</nyVerdi>');
      expect(endringslogg).toContain('<endretAv>Per Hansen</endretAv>');
      // The package holds the package only: the adapter's own manifest stays in staging.
      expect((await readdir(dir)).filter((name) => name.startsWith('.'))).toEqual([]);
      expect(reading.documentFiles).toHaveLength(3);

      const addml = await readFile(join(dir, 'arkivuttrekk.xml'), 'utf8');
      expect(addml).toContain('<value>Høgskolen for helse og omsorg</value>');
      expect(addml).toContain('<value>Noark 5</value>');
      expect(await readFile(join(dir, 'addml.xsd'))).toEqual(await readFile(join(schemasDir, 'addml', 'addml.xsd')));
    });
  });

  it('shows every entry of the public journal as screened, and the running journal in full with its screening', async () => {
    await withNoark5Dirs(async ({ dir, stagingDir }) => {
      const adapter = createNoark5ExportAdapter({ dir, stagingDir, info, schemasDir });
      await adapter.archive({ id: 'o-1', record: demoArchiveRecord(demo, 'decision', []), pdf: Buffer.from('%PDF-1.7 decision') });
      await adapter.closeCase?.({ id: 'o-2', closure: closure(demo.caseId, demo.caseNumber) });
      const offentlig = await readFile(join(dir, 'offentligJournal.xml'), 'utf8');
      expect(offentlig).not.toContain('Ødegård');
      expect(offentlig).not.toContain('Ingrid Solberg');
      expect(offentlig).toContain('<offentligTittel>Vedtak – tap av studierett – *****</offentligTittel>');
      expect(offentlig).toContain('<korrespondansepartNavn>*****</korrespondansepartNavn>');
      expect(offentlig).toContain('<tilgangsrestriksjon>Unntatt offentlighet</tilgangsrestriksjon>');
      expect(offentlig).toContain('<skjermingshjemmel>Offl. § 13 jf. fvl. § 13 (1) nr.1</skjermingshjemmel>');

      const loepende = await readFile(join(dir, 'loependeJournal.xml'), 'utf8');
      expect(loepende).toContain('<tittel>Vedtak – tap av studierett – Åse Ødegård</tittel>');
      expect(loepende).toContain('<korrespondansepartNavn>Ingrid Solberg</korrespondansepartNavn>');
      expect(loepende).toContain('<skjermingMetadata>Skjerming navn mottaker</skjermingMetadata>');
      expect(loepende).toContain('<antallJournalposter>1</antallJournalposter>');
    });
  });

  it('catches a package whose arkivstruktur.xml changed after its description was written', async () => {
    await withNoark5Dirs(async ({ dir, stagingDir }) => {
      const adapter = createNoark5ExportAdapter({ dir, stagingDir, info, schemasDir });
      await adapter.archive({ id: 'o-1', record: demoArchiveRecord(demo, 'summons', []), pdf: Buffer.from('%PDF-1.7 summons') });
      await adapter.closeCase?.({ id: 'o-2', closure: closure(demo.caseId, demo.caseNumber) });
      const path = join(dir, 'arkivstruktur.xml');
      const xml = await readFile(path, 'utf8');
      await writeFile(path, xml.replace('<journalstatus>Arkivert</journalstatus>', '<journalstatus>Ekspedert</journalstatus>'));
      // The checksum arkivuttrekk.xml gives no longer matches the file.
      await expect(readPackageAsArkade(dir)).rejects.toThrow(/the ADDML checksum of arkivstruktur.xml/);
    });
  });
});
