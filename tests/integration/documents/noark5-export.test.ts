import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoArchiveRecord, demoFollowUpCase } from '../../../src-main/cli/demo-case';
import { createNoark5ExportAdapter } from '../../../src-main/services/archive/adapters/noark5-export.adapter';
import { createPdfRenderer } from '../../../src-main/services/pdf/pdf-renderer';
import { noark5SchemaPath, resourcesDir, runTool, withNoark5Dirs } from './tools';

const demo = demoFollowUpCase();
let protocolPdf: Buffer;
let decisionPdf: Buffer;

beforeAll(async () => {
  const renderer = createPdfRenderer({ resourcesDir });
  protocolPdf = await renderer.protocol(demo.protocol);
  decisionPdf = await renderer.decision(demo.decision);
});

const info = { archiveTitle: 'Høgskolen for helse og omsorg – Saksflyt', creatorId: '987654321', creatorName: 'Høgskolen for helse og omsorg' };

const closure = { caseId: demo.caseId, caseNumber: demo.caseNumber, closedAt: '2027-01-04T09:00:00.000Z', closedBy: 'Per Hansen' };

function values(xml: string, element: string): string[] {
  return [...xml.matchAll(new RegExp(`<${element}>([^<]*)</${element}>`, 'g'))].map((match) => match[1] ?? '');
}

describe('Noark 5 export', () => {
  it('writes arkivstruktur.xml that validates against arkivstruktur.xsd, with the files and their SHA-256 checksums', async () => {
    await withNoark5Dirs(async ({ dir, stagingDir }) => {
      let minute = 0;
      const adapter = createNoark5ExportAdapter({ dir, stagingDir, info, now: () => new Date(Date.UTC(2026, 11, 1, 12, minute++)) });
      await adapter.archive({ id: 'o-1', record: demoArchiveRecord(demo, 'protocol', ['Åse Ødegård', 'Kari Nordmann']), pdf: protocolPdf });
      const receipt = await adapter.archive({ id: 'o-2', record: demoArchiveRecord(demo, 'decision', ['Høgskolen for helse og omsorg']), pdf: decisionPdf });
      expect(receipt.reference).toMatch(/^2026\/00042 [0-9a-f-]{36}$/);
      const closed = await adapter.closeCase?.({ id: 'o-3', closure });
      expect(closed).toEqual({ reference: expect.stringMatching(/^2026\/00042 [0-9a-f-]{36}$/), details: { saksstatus: 'Avsluttet', documents: '2' } });

      const xmlPath = join(dir, 'arkivstruktur.xml');
      const validation = await runTool('xmllint', ['--noout', '--schema', noark5SchemaPath, xmlPath]);
      expect(validation.stderr).toContain('validates');
      expect(validation.code, validation.stderr).toBe(0);

      const xml = await readFile(xmlPath, 'utf8');
      expect(values(xml, 'mappeID')).toEqual(['2026/00042']);
      expect(values(xml, 'saksaar')).toEqual(['2026']);
      expect(values(xml, 'sakssekvensnummer')).toEqual(['42']);
      expect(values(xml, 'journalposttype')).toEqual(['Organinternt dokument uten oppfølging', 'Utgående dokument']);
      expect(values(xml, 'journalpostnummer')).toEqual(['1', '2']);
      expect(values(xml, 'format')).toEqual(['fmt/477', 'fmt/477']);
      expect(values(xml, 'sjekksumAlgoritme')).toEqual(['SHA-256', 'SHA-256']);
      expect(values(xml, 'korrespondanseparttype')).toEqual(['Intern mottaker', 'Kopimottaker', 'Mottaker', 'Kopimottaker']);
      expect(values(xml, 'skjermingshjemmel')).toContain('Offl. § 13 jf. fvl. § 13 (1) nr.1');
      expect(xml).toContain('<tittel>Oppfølging av studieprogresjon – Åse Ødegård</tittel>');
      expect(xml).toContain('<offentligTittel>Oppfølging av studieprogresjon – *****</offentligTittel>');

      const files = values(xml, 'referanseDokumentfil');
      expect(files).toEqual(['dokumenter/protocol-2026-00042-demo-case-0042-protocol.pdf', 'dokumenter/vedtak-2026-00042-demo-case-0042-decision.pdf']);
      const checksums = values(xml, 'sjekksum');
      const sizes = values(xml, 'filstoerrelse');
      for (const [index, file] of files.entries()) {
        const bytes = await readFile(join(dir, file));
        expect(checksums[index]).toBe(createHash('sha256').update(bytes).digest('hex'));
        expect(sizes[index]).toBe(String(bytes.length));
      }
      expect((await readFile(join(dir, files[1] ?? ''))).equals(decisionPdf)).toBe(true);
    });
  });

  it('replaces a document archived again instead of adding it twice, files a second decision beside it, and refuses a file name taken by another document', async () => {
    await withNoark5Dirs(async ({ dir, stagingDir }) => {
      const adapter = createNoark5ExportAdapter({ dir, stagingDir, info });
      const record = demoArchiveRecord(demo, 'decision', []);
      // Closed before its documents arrive (the outbox delivers in any order): they go straight into the package.
      await adapter.closeCase?.({ id: 'o-0', closure });
      await adapter.archive({ id: 'o-1', record, pdf: decisionPdf });
      await adapter.archive({ id: 'o-1', record, pdf: decisionPdf });
      const xml = await readFile(join(dir, 'arkivstruktur.xml'), 'utf8');
      expect(values(xml, 'journalpostnummer')).toEqual(['1']);
      expect(await readdir(join(dir, 'dokumenter'))).toEqual(['vedtak-2026-00042-demo-case-0042-decision.pdf']);

      await adapter.archive({ id: 'o-2', record: { ...record, documentId: 'demo-case-0042-decision-2' }, pdf: decisionPdf });
      expect((await readdir(join(dir, 'dokumenter'))).sort()).toEqual([
        'vedtak-2026-00042-demo-case-0042-decision-2.pdf',
        'vedtak-2026-00042-demo-case-0042-decision.pdf',
      ]);
      expect(values(await readFile(join(dir, 'arkivstruktur.xml'), 'utf8'), 'journalpostnummer')).toEqual(['1', '2']);

      // An id whose file name is the same once made safe for a file name.
      await expect(adapter.archive({ id: 'o-3', record: { ...record, documentId: 'demo-case-0042/decision' }, pdf: decisionPdf })).rejects.toMatchObject({
        kind: 'validation',
      });
    });
  });

  it('journals a document at the moment it is archived, says a signed PDF is signed without naming the signers, and closes only a closed case', async () => {
    await withNoark5Dirs(async ({ dir, stagingDir }) => {
      const adapter = createNoark5ExportAdapter({ dir, stagingDir, info, now: () => new Date('2027-01-02T08:00:00.000Z') });
      const record = demoArchiveRecord(demo, 'decision', ['Per Hansen', 'Ingrid Solberg']);
      const closedAt = '2027-01-01T10:00:00.000Z';
      await adapter.archive({ id: 'o-1', record: { ...record, documentDate: '2026-12-31', case: { ...record.case, closedAt } }, pdf: decisionPdf });

      const xmlPath = join(dir, 'arkivstruktur.xml');
      const validation = await runTool('xmllint', ['--noout', '--schema', noark5SchemaPath, xmlPath]);
      expect(validation.code, validation.stderr).toBe(0);
      const xml = await readFile(xmlPath, 'utf8');
      // Dated in 2026, archived (and so journaled) in 2027: year, date and sequence follow the journal.
      expect(values(xml, 'dokumentetsDato')).toEqual(['2026-12-31']);
      expect(values(xml, 'journalaar')).toEqual(['2027']);
      expect(values(xml, 'journaldato')).toEqual(['2027-01-02']);
      expect(values(xml, 'journalsekvensnummer')).toEqual(['1']);
      expect(values(xml, 'formatDetaljer')).toEqual(['PDF/A-2b, signert (PAdES)']);
      expect(xml).not.toContain('Per Hansen');
      expect(values(xml, 'saksstatus')).toEqual(['Avsluttet']);
      // The folder is closed when the case was, by its case officer; the archive and its part by the export.
      expect(values(xml, 'avsluttetDato')).toEqual(['2027-01-02T08:00:00.000Z', '2027-01-02T08:00:00.000Z', closedAt]);
      expect(values(xml, 'avsluttetAv')).toEqual(['Saksflyt', 'Saksflyt', 'Kari Nordmann']);
    });
  });

  it('keeps an open case out of the package, and exports it as closed once a document archived after the case closed says so', async () => {
    await withNoark5Dirs(async ({ dir, stagingDir }) => {
      let minute = 0;
      const adapter = createNoark5ExportAdapter({ dir, stagingDir, info, now: () => new Date(Date.UTC(2026, 11, 1, 12, minute++)) });
      await adapter.archive({ id: 'o-1', record: demoArchiveRecord(demo, 'decision', []), pdf: decisionPdf });
      // arkivstruktur.xsd requires a folder's avsluttetDato: the open case waits in staging.
      const open = await readFile(join(dir, 'arkivstruktur.xml'), 'utf8');
      expect(values(open, 'mappeID')).toEqual([]);
      expect(await readdir(join(stagingDir, 'dokumenter'))).toEqual(['vedtak-2026-00042-demo-case-0042-decision.pdf']);
      expect(await readdir(dir)).not.toContain('dokumenter');

      const summons = demoArchiveRecord(demo, 'summons', []);
      const closedAt = '2026-12-01T11:00:00.000Z';
      await adapter.archive({ id: 'o-2', record: { ...summons, case: { ...summons.case, closedAt } }, pdf: decisionPdf });
      const xml = await readFile(join(dir, 'arkivstruktur.xml'), 'utf8');
      expect(values(xml, 'saksstatus')).toEqual(['Avsluttet']);
      expect(values(xml, 'avsluttetDato')[2]).toBe(closedAt);
      expect(values(xml, 'journalpostnummer')).toEqual(['1', '2']);
      expect((await readdir(join(dir, 'dokumenter'))).sort()).toEqual([
        'summons-2026-00042-demo-case-0042-summons.pdf',
        'vedtak-2026-00042-demo-case-0042-decision.pdf',
      ]);
      expect(await readdir(join(stagingDir, 'dokumenter'))).toEqual([]);
    });
  });

  it('takes over a package written by an earlier version: its manifest moves to staging and an open case’s files with it', async () => {
    await withNoark5Dirs(async ({ dir, stagingDir }) => {
      const record = demoArchiveRecord(demo, 'decision', []);
      const filePath = 'dokumenter/vedtak-2026-00042-demo-case-0042-decision.pdf';
      const legacy = {
        record,
        filePath,
        sha256: createHash('sha256').update(decisionPdf).digest('hex'),
        size: decisionPdf.length,
        archivedAt: '2026-12-01T12:00:00.000Z',
        archivedBy: 'Saksflyt',
      };
      await mkdir(join(dir, 'dokumenter'), { recursive: true });
      await writeFile(join(dir, filePath), decisionPdf);
      await writeFile(join(dir, '.saksflyt-noark5.json'), JSON.stringify({ documents: [legacy] }));

      const adapter = createNoark5ExportAdapter({ dir, stagingDir, info });
      await adapter.archive({ id: 'o-2', record: demoArchiveRecord(demo, 'summons', []), pdf: decisionPdf });
      expect(await readdir(dir)).not.toContain('.saksflyt-noark5.json');
      expect((await readdir(join(stagingDir, 'dokumenter'))).sort()).toEqual([
        'summons-2026-00042-demo-case-0042-summons.pdf',
        'vedtak-2026-00042-demo-case-0042-decision.pdf',
      ]);
      expect(await readdir(join(dir, 'dokumenter'))).toEqual([]);

      // Nothing was lost: closing the case puts both into the package.
      await adapter.closeCase?.({ id: 'o-3', closure });
      expect(values(await readFile(join(dir, 'arkivstruktur.xml'), 'utf8'), 'referanseDokumentfil')).toEqual([
        filePath,
        'dokumenter/summons-2026-00042-demo-case-0042-summons.pdf',
      ]);
      expect((await readFile(join(dir, filePath))).equals(decisionPdf)).toBe(true);
    });
  });

  it('is checked by the schema for real: a package with a broken structure does not validate', async () => {
    await withNoark5Dirs(async ({ dir, stagingDir }) => {
      const adapter = createNoark5ExportAdapter({ dir, stagingDir, info });
      await adapter.archive({ id: 'o-1', record: demoArchiveRecord(demo, 'summons', []), pdf: decisionPdf });
      await adapter.closeCase?.({ id: 'o-2', closure });
      const xmlPath = join(dir, 'arkivstruktur.xml');
      const xml = await readFile(xmlPath, 'utf8');
      const broken = join(dir, 'broken.xml');
      await writeFile(broken, xml.replace(/<sjekksumAlgoritme>[^<]*<\/sjekksumAlgoritme>/, ''));
      const validation = await runTool('xmllint', ['--noout', '--schema', noark5SchemaPath, broken]);
      expect(validation.code).not.toBe(0);
      expect(validation.stderr).toContain('sjekksumAlgoritme');
    });
  });
});
