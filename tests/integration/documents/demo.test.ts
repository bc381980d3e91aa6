import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCommand, runDemo } from '../../../src-main/cli/demo';
import { followUpStatuses } from '../../../src-shared/domain/follow-up/follow-up.schema';
import { readPackageAsArkade } from './arkade-reader';
import { noark5SchemaPath, pdfsig, pdfText, runTool, withTempDir } from './tools';

describe('npm run admin -- demo --out DIR', () => {
  it('walks the follow-up case to its close after the appeal period and writes the signed documents and a valid Noark 5 package', async () => {
    await withTempDir(async (dir) => {
      const outDir = join(dir, 'demo');
      const result = await runDemo({ outDir });
      // The demo opens its case at once and walks it to the decision sent, then closes it.
      expect(result.statuses).toEqual(followUpStatuses.filter((status) => !['reported', 'merged'].includes(status)));
      expect(result.messages).toContain('case folder demo-case-0042 closed in the Noark 5 package');
      expect(result.messages).toContain('notify student-aase (followUp.decision), copy rector');

      expect(await pdfText(await readFile(join(outDir, 'summons.pdf')))).toContain('Innkalling til oppfølgingssamtale');
      const protocol = await readFile(join(outDir, 'protocol.pdf'));
      expect((await pdfsig(protocol)).map(({ signer, valid }) => ({ signer, valid }))).toEqual([
        { signer: 'Kari Nordmann', valid: true },
        { signer: 'Åse Ødegård', valid: true },
      ]);
      const decision = await readFile(join(outDir, 'vedtak.pdf'));
      expect(await pdfsig(decision)).toEqual([
        { signer: 'Høgskolen for helse og omsorg – virksomhetssegl', valid: true, subFilter: 'ETSI.CAdES.detached', coversAll: true },
      ]);

      const validation = await runTool('xmllint', ['--noout', '--schema', noark5SchemaPath, join(outDir, 'noark5', 'arkivstruktur.xml')]);
      expect(validation.code, validation.stderr).toBe(0);
      // The whole package reads back as Arkade reads it: ADDML description, checksums and counts.
      const deposit = await readPackageAsArkade(join(outDir, 'noark5'));
      expect(Object.keys(deposit.files)).toEqual(['arkivstruktur.xml', 'loependeJournal.xml', 'offentligJournal.xml', 'endringslogg.xml']);
      expect(deposit.files['endringslogg.xml']).toEqual({ endring: 1 });
      expect(deposit.files['arkivstruktur.xml']?.mappe).toBe(1);
      expect(deposit.documentFiles).toContain('dokumenter/vedtak-2026-00042-demo-case-0042-decision.pdf');
      const archived = await readFile(join(outDir, 'noark5', 'dokumenter', 'vedtak-2026-00042-demo-case-0042-decision.pdf'));
      expect(archived.equals(decision)).toBe(true);
      expect(await readFile(join(outDir, 'demo-ca.pem'), 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/);
    });
  });

  it('prints usage and fails without --out', async () => {
    const lines: string[] = [];
    expect(await demoCommand([], (line) => lines.push(line))).toBe(2);
    expect(lines).toEqual(['Usage: npm run admin -- demo --out DIR']);
  });
});
