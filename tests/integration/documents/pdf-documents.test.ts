import { describe, expect, it } from 'vitest';
import { demoFollowUpCase } from '../../../src-main/cli/demo-case';
import { demoSignaturePng } from '../../../src-main/cli/demo-signature';
import { createPdfRenderer } from '../../../src-main/services/pdf/pdf-renderer';
import { AppError } from '../../../src-shared/kernel/app-error';
import { pdfText, resourcesDir, runOnPdf } from './tools';

const renderer = createPdfRenderer({ resourcesDir, now: () => new Date('2026-12-01T10:00:00Z') });
const demo = demoFollowUpCase();
const signedAt = '2026-10-20T10:30:00.000Z';

/** pdftotext may break a line anywhere a paragraph wraps: compare with all whitespace collapsed. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

async function expectPdfA2b(pdf: Buffer): Promise<void> {
  const meta = await runOnPdf('pdfinfo', ['-meta'], pdf);
  expect(meta.stdout).toContain('<pdfaid:part>2</pdfaid:part>');
  expect(meta.stdout).toContain('<pdfaid:conformance>B</pdfaid:conformance>');

  const info = await runOnPdf('pdfinfo', [], pdf);
  expect(info.stdout).toMatch(/^PDF version:\s+1\.7$/m);

  const fonts = await runOnPdf('pdffonts', [], pdf);
  const rows = fonts.stdout.trim().split('\n').slice(2);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    const [name, , , , embedded] = row.split(/\s+/);
    expect(name).toMatch(/^[A-Z]{6}\+DejaVuSans/);
    expect(embedded, row).toBe('yes');
  }

  const raw = pdf.toString('latin1');
  expect(raw).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
  expect(raw).toContain('/S /GTS_PDFA1');
  expect(raw).toMatch(/\/DestOutputProfile \d+ 0 R/);
  expect(raw).toMatch(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/);

  const check = await runOnPdf('qpdf', ['--check'], pdf);
  expect(check.code, check.stdout + check.stderr).toBe(0);
}

describe('PDF documents (PDF/A-2b, read back with poppler)', () => {
  it('renders the summons with the meeting, the reasons and Norwegian text intact', async () => {
    const pdf = await renderer.summons(demo.summons);
    await expectPdfA2b(pdf);
    const text = flat(await pdfText(pdf));
    expect(text).toContain('Innkalling til oppfølgingssamtale');
    expect(text).toContain('Hei, Åse Ødegård.');
    expect(text).toContain('Tid: tirsdag 20. oktober 2026 kl. 11:00'); // 09:00 UTC is 11:00 in Oslo (summer time)
    expect(text).toContain('Sted: Rom 214, Sykepleiebygget');
    expect(text).toContain('SYK1002 Grunnleggende sykepleie – Manglende deltakelse.');
    expect(text).toContain('Fravær: 40 %.');
    expect(text).toContain('Arbeidskrav 3 ikke levert (frist 25.09.2026)');
    expect(text).toContain('Høgskolen for helse og omsorg');
    expect(text).toContain('Saksnr. 2026/00042');
    expect(text).toMatch(/Side 1 av 1/);
  });

  it('builds the protocol from facts and notes: corrections replace what they correct, measures are listed', async () => {
    const pdf = await renderer.protocol({
      ...demo.protocol,
      studentSignature: { pngBase64: demoSignaturePng().toString('base64'), signedAt },
    });
    await expectPdfA2b(pdf);
    const text = flat(await pdfText(pdf));
    expect(text).toContain('Protokoll fra oppfølgingssamtale');
    expect(text).toContain('deltidsjobb på kveldstid');
    expect(text).toContain('Studenten får tilbud om ekstra veiledning og ferdighetstrening på dagtid.');
    expect(text).toContain('korrigerer notat fra 20.10.2026 kl. 11:35');
    expect(text).not.toContain('Avtale to veiledningstimer med faglærer.'); // the corrected measure is gone
    expect(text).toContain('Levere arbeidskrav 3 og 4 i SYK1001. Ansvarlig: Åse Ødegård. Frist: 15.11.2026.');
    expect(text).toContain('Signert på skjerm 20.10.2026 kl. 12:30');
    expect(text).toContain('Protokollen sendes avdelingsleder Per Hansen med kopi til studenten.');

    const pages = Number(/Side \d+ av (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    for (let page = 1; page <= pages; page += 1) expect(text).toContain(`Side ${page} av ${pages}`);

    const images = await runOnPdf('pdfimages', ['-list'], pdf);
    expect(images.stdout).toMatch(/\s360\s+120\s+rgb\s/); // the drawn signature, placed in the page
  });

  it('writes a decision letter with legal basis, facts, main considerations and the full appeal notice', async () => {
    const pdf = await renderer.decision(demo.decision);
    await expectPdfA2b(pdf);
    const text = flat(await pdfText(pdf));
    for (const expected of [
      'Vedtak – Tap av studierett',
      'Rettslig grunnlag',
      'universitets- og høyskoleloven) § 11-1',
      'Faktiske forhold',
      'Hovedhensyn i vurderingen',
      'forvaltningsloven §§ 24 og 25',
      'Du har rett til å klage på vedtaket, jf. forvaltningsloven § 28.',
      'Klagefristen er tre uker fra det tidspunktet dette brevet kom fram til deg, jf. forvaltningsloven § 29.',
      'Klagen sendes til Avdeling for sykepleie, Høgskolen for helse og omsorg, som har fattet vedtaket, jf. forvaltningsloven § 32.',
      'Den sentrale klagenemnda ved høgskolen',
      // received Friday 4 December 2026: three weeks end on Christmas Day, so the deadline moves to Monday 28 December
      'Brevet kom fram til deg 4. desember 2026, så siste frist for å klage er 28. desember 2026.',
      'Send klagen som brev eller e-post til postmottak@hho.example.no.',
      'Du har rett til å se dokumentene i saken, jf. forvaltningsloven §§ 18 og 19.',
      'forvaltningsloven § 27',
      'Kopi til: Ingrid Solberg (rektor)',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Side 2 av 2/);
  });

  it('leaves the computed date out of the appeal notice when the day of receipt is unknown', async () => {
    const pdf = await renderer.decision({ ...demo.decision, appeal: { ...demo.decision.appeal, receivedOn: undefined } });
    const text = flat(await pdfText(pdf));
    expect(text).toContain('Klagefristen er tre uker fra det tidspunktet dette brevet kom fram til deg');
    expect(text).not.toContain('siste frist for å klage');
  });

  it('rejects bad input with validation errors, including a corrupt signature image', async () => {
    await expect(renderer.decision({ ...demo.decision, legalBasis: [] })).rejects.toThrow(/legalBasis/);
    const png = demoSignaturePng();
    png[png.length - 20] = (png[png.length - 20] ?? 0) ^ 0xff; // breaks the IDAT checksum
    const corrupt = renderer.protocol({ ...demo.protocol, studentSignature: { pngBase64: png.toString('base64'), signedAt } });
    await expect(corrupt).rejects.toBeInstanceOf(AppError);
    await expect(corrupt).rejects.toMatchObject({ kind: 'validation' });
  });
});
