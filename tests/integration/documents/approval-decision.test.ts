import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFollowUpCase } from '../../../src-main/cli/demo-case';
import { createFolderArchiveAdapter } from '../../../src-main/services/archive/adapters/folder.adapter';
import { openArchiveOutbox } from '../../../src-main/services/archive/archive-outbox';
import { serveIpcCall, type IpcServeOptions } from '../../../src-main/ipc/register-ipc';
import { composeServices, secretsFilePath, type ComposedServices } from '../../../src-main/services/compose-services';
import { createDocumentStore } from '../../../src-main/services/pdf/document-store';
import { createDocumentsService, type DocumentsService } from '../../../src-main/services/pdf/documents.service';
import { createPdfRenderer } from '../../../src-main/services/pdf/pdf-renderer';
import { createDemoCertificates, type DemoCertificates } from '../../../src-main/services/signing/demo-certificates';
import { createDocumentSigning } from '../../../src-main/services/signing/document-signing.service';
import { createPkcs12Signer } from '../../../src-main/services/signing/pkcs12-signer';
import { createPlainFileSecureStore } from '../../../src-main/services/secure-store/plain-file-secure-store';
import { approvalDecisionInputSchema, type ApprovalDecisionInput } from '../../../src-shared/documents/approval-decision.schema';
import { documentFiling } from '../../../src-shared/documents/document-filing';
import { issuedDocumentSchema, type IssuedDocument } from '../../../src-shared/documents/documents.contract';
import type { Result } from '../../../src-shared/kernel/result';
import { pdfsig, pdfText, resourcesDir, runOnPdf, runTool, withTempDir } from './tools';

/** The seed's first test person, whose course RES-100 was fetched from 216 HiSF; the other courses are made up. */
const demo = demoFollowUpCase();
const decision: ApprovalDecisionInput = {
  institution: demo.institution,
  caseNumber: '2026/00077',
  date: '2027-03-02',
  student: {
    name: 'Testperson1 Resultatutveksling',
    studentNumber: '598765',
    email: 'testperson1@student.hho.example.no',
    postalAddress: ['Fjærlandsvegen 12', '6868 Gaupne'],
  },
  title: 'Godkjenning av ekstern utdanning',
  outcome: 'Søknaden din om godkjenning av emner fra andre institusjoner er delvis innvilget. Vurderingen av hvert emne står nedenfor.',
  legalBasis: ['Universitets- og høyskoleloven § 3-5', 'Forskrift om studier og eksamen ved Høgskolen for helse og omsorg § 2-3'],
  facts: 'Du søkte 5. januar 2027 om godkjenning av tre emner. Med ditt samtykke hentet vi resultatene fra Høgskulen i Sogn og Fjordane og Nord-Trøndelag.',
  mainConsiderations: 'Vi har sammenlignet læringsutbyttet i hvert emne med emnene i studieplanen for bachelor i sykepleie.',
  appeal: {
    submitTo: 'Studieseksjonen, Høgskolen for helse og omsorg',
    appealBody: 'Den sentrale klagenemnda ved høgskolen',
    howTo: 'Send klagen som brev eller e-post til postmottak@hho.example.no. Merk klagen med saksnummer 2026/00077.',
    // Friday 5 March 2027: three weeks end on Good Friday (26 March), then Saturday, Easter Day and Easter Monday follow.
    receivedOn: '2027-03-05',
  },
  decidedBy: [{ name: 'Sølvi Åsheim', title: 'Seksjonsleder' }],
  contact: { name: 'Bjørn Ærø', title: 'Saksbehandler' },
  copyTo: [],
  courses: [
    {
      institutionCode: '216',
      institutionName: 'Høgskulen i Sogn og Fjordane',
      code: 'RES-100',
      name: 'Resultatutveksling i praksis',
      term: '2024 HØST',
      courseCredits: 10,
      verdict: 'approved',
      credits: 10,
      grounds: 'Emnet er faglig likeverdig med SYK1003 og godkjennes i sin helhet.',
    },
    {
      institutionCode: '214',
      institutionName: 'Høgskolen i Nord-Trøndelag',
      code: 'RES-OAL',
      name: 'Omsorg, etikk og læring',
      term: '2025 VÅR',
      courseCredits: 15,
      verdict: 'partlyApproved',
      credits: 7.5,
      grounds: 'Halvparten av læringsutbyttet svarer til SYK1004 Etikk; resten dekker ikke studieplanen.',
    },
    {
      institutionCode: '214',
      institutionName: 'Høgskolen i Nord-Trøndelag',
      code: 'RES-ØKO',
      name: 'Helseøkonomi',
      term: '2025 VÅR',
      courseCredits: 5,
      verdict: 'rejected',
      credits: 0,
      grounds: 'Emnet dekker ikke læringsutbyttet i noe emne i studieplanen.',
    },
  ],
  approvedCredits: 17.5,
};

/** pdftotext may break a line anywhere a paragraph wraps: compare with all whitespace collapsed. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** The page as laid out (`pdftotext -layout`): a table row stays on one line. */
const layoutText = (pdf: Uint8Array) =>
  withTempDir(async (dir) => {
    await writeFile(join(dir, 'document.pdf'), pdf);
    const result = await runTool('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, 'document.pdf'), '-']);
    if (result.code !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
    return result.stdout;
  });

const renderer = createPdfRenderer({ resourcesDir, now: () => new Date('2027-03-02T10:00:00Z') });
let certificates: DemoCertificates;

beforeAll(() => {
  certificates = createDemoCertificates({
    institution: demo.institution.name,
    coordinator: demo.coordinator.name,
    student: demo.student.name,
    now: new Date(),
  });
});

async function withService(use: (service: DocumentsService) => Promise<void>) {
  await withTempDir(async (dir) => {
    const seal = createPkcs12Signer({
      pkcs12: certificates.seal.pkcs12,
      password: async () => certificates.seal.password,
      label: certificates.seal.commonName,
    });
    const unused = () => Promise.reject(new Error('only the seal is used here'));
    const service = createDocumentsService({
      renderer,
      signing: createDocumentSigning({ renderer, location: 'Oslo' }),
      store: createDocumentStore(join(dir, 'documents')),
      signers: { coordinator: unused, student: unused, seal: async () => seal },
      archive: await openArchiveOutbox({ dir: join(dir, 'outbox'), adapters: [createFolderArchiveAdapter({ dir: join(dir, 'archive') })] }),
    });
    await use(service);
  });
}

describe('the approval decision letter (PDF/A, sealed)', () => {
  it('renders a PDF/A-2b letter with every course, its verdict and credits, the sum, the legal basis and the appeal deadline', async () => {
    const pdf = await renderer.approvalDecision(decision);

    const meta = await runOnPdf('pdfinfo', ['-meta'], pdf);
    expect(meta.stdout).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(meta.stdout).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    const fonts = (await runOnPdf('pdffonts', [], pdf)).stdout.trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) expect(row.split(/\s+/)[4], row).toBe('yes'); // every font embedded
    expect(pdf.toString('latin1')).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
    const check = await runOnPdf('qpdf', ['--check'], pdf);
    expect(check.code, check.stdout + check.stderr).toBe(0);

    const text = flat(await pdfText(pdf));
    for (const expected of [
      'Vedtak – Godkjenning av ekstern utdanning',
      'Testperson1 Resultatutveksling',
      'Fjærlandsvegen 12',
      'Vurdering av emnene',
      'Samlet resultat: Delvis godkjent',
      'Godkjent til sammen: 17,5 av 30 studiepoeng',
      'RES-100 Resultatutveksling i praksis (Høgskulen i Sogn og Fjordane, 2024 HØST): Godkjent, 10 av 10 studiepoeng',
      'Emnet er faglig likeverdig med SYK1003 og godkjennes i sin helhet.',
      'RES-OAL Omsorg, etikk og læring (Høgskolen i Nord-Trøndelag, 2025 VÅR): Delvis godkjent, 7,5 av 15 studiepoeng',
      'RES-ØKO Helseøkonomi (Høgskolen i Nord-Trøndelag, 2025 VÅR): Ikke godkjent, 0 av 5 studiepoeng',
      'Rettslig grunnlag',
      'Universitets- og høyskoleloven § 3-5',
      'forvaltningsloven §§ 24 og 25',
      'Du har rett til å klage på vedtaket, jf. forvaltningsloven § 28.',
      // 5 March + three weeks = Good Friday 26 March 2027; Easter Saturday, Easter Day and Easter Monday follow
      'Brevet kom fram til deg 5. mars 2027, så siste frist for å klage er 30. mars 2027.',
      'Klagen sendes til Studieseksjonen, Høgskolen for helse og omsorg, som har fattet vedtaket, jf. forvaltningsloven § 32.',
      'Ta kontakt med Bjørn Ærø (saksbehandler)',
      'Sølvi Åsheim, seksjonsleder',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Kopi til');

    // The table: one row per course, its cells' first lines in order on one line of the page.
    const rows = (await layoutText(pdf)).split('\n');
    for (const cells of [
      ['RES-100', 'Høgskulen i Sogn og', '2024 HØST', ' 10', 'Godkjent', ' 10'],
      ['RES-OAL', 'Høgskolen i Nord-', '2025 VÅR', ' 15', 'Delvis godkjent', ' 7,5'],
      ['RES-ØKO Helseøkonomi', 'Høgskolen i Nord-', '2025 VÅR', ' 5', 'Ikke godkjent', ' 0'],
    ]) {
      const pattern = new RegExp(cells.map((cell) => cell.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*'));
      expect(
        rows.some((row) => pattern.test(row)),
        cells.join(' | '),
      ).toBe(true);
    }
  });

  it('flows a long list of courses over several pages, every course in the table once, the page frames numbered', async () => {
    const courses = Array.from({ length: 45 }, (_, i) => ({ ...decision.courses[0]!, code: `RES-${200 + i}`, name: `Sykepleiefag del ${i + 1}` }));
    const pdf = await renderer.approvalDecision({ ...decision, courses, approvedCredits: 450 });
    const pages = (await layoutText(pdf)).split('\f').filter((page) => page.trim());
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, index) => expect(flat(page)).toContain(`Side ${index + 1} av ${pages.length}`));
    const rows = pages.join('\n').split('\n');
    for (const course of courses) {
      expect(
        rows.filter((row) => new RegExp(`^${course.code} .*2024 HØST\\s+10 Godkjent\\s+10$`).test(row.trim())),
        course.code,
      ).toHaveLength(1);
    }
    expect(flat(await pdfText(pdf))).toContain('Godkjent til sammen: 450 av 450 studiepoeng');
  });

  it('is filed in the archives as an outgoing letter', () => {
    expect(documentFiling('decision')).toEqual({ p360Category: 'Dokument ut', noark5Journalposttype: 'Utgående dokument' });
  });

  it('seals the letter through the documents service: one valid seal over the whole document, kept write-once', async () => {
    await withService(async (service) => {
      const issued = issuedDocumentSchema.parse(await service.sealApprovalDecision({ documentId: 'approval-2026-00077-decision', decision }));
      const pdf = Buffer.from(issued.pdfBase64, 'base64');
      expect(createHash('sha256').update(pdf).digest('hex')).toBe(issued.sha256);
      expect(await pdfsig(pdf)).toEqual([
        { signer: 'Høgskolen for helse og omsorg – virksomhetssegl', valid: true, subFilter: 'ETSI.CAdES.detached', coversAll: true },
      ]);
      expect(issued.signatures).toEqual([{ signer: 'Høgskolen for helse og omsorg', signedAt: expect.any(String) }]);
      expect(flat(await pdfText(pdf))).toContain('Godkjent til sammen: 17,5 av 30 studiepoeng');
      expect(await service.read({ documentId: 'approval-2026-00077-decision' })).toEqual({ pdfBase64: issued.pdfBase64, sha256: issued.sha256 });
      const changed = { ...decision, title: 'Godkjenning av ekstern utdanning (endret)' };
      await expect(service.sealApprovalDecision({ documentId: 'approval-2026-00077-decision', decision: changed })).rejects.toMatchObject({ kind: 'conflict' });

      const preview = await service.preview({ kind: 'approvalDecision', decision });
      expect(await pdfsig(Buffer.from(preview.pdfBase64, 'base64'))).toEqual([]); // a preview is not sealed
    });
  });

  it('refuses verdicts that do not fit the courses, and a total that is not their sum', () => {
    const [approved, partly] = decision.courses as [ApprovalDecisionInput['courses'][number], ApprovalDecisionInput['courses'][number]];
    const refusals: [Partial<ApprovalDecisionInput>, RegExp][] = [
      [{ approvedCredits: 20 }, /The courses approve 17.5 credits, not 20/],
      [{ courses: [{ ...approved, credits: 5 }], approvedCredits: 5 }, /216 RES-100 \(2024 HØST\): 5 credits do not fit "approved" of a 10-credit course/],
      [{ courses: [{ ...partly, credits: 15 }], approvedCredits: 15 }, /do not fit "partlyApproved"/],
      [{ courses: [approved, approved], approvedCredits: 20 }, /has more than one verdict/],
      [{ courses: [], approvedCredits: 0 }, /^courses: Too small/],
    ];
    for (const [change, message] of refusals) {
      const result = approvalDecisionInputSchema.safeParse({ ...decision, ...change });
      expect(result.success, message.source).toBe(false);
      expect(result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')).toMatch(message);
    }
  });
});

describe('documents:seal-approval-decision over IPC (the app’s composed services, demo seal)', () => {
  const channel = 'documents:seal-approval-decision';
  const appPage = 'file:///opt/Saksflyt/resources/app.asar/out/renderer/index.html';
  let dataDir: string;
  let services: ComposedServices;
  let options: IpcServeOptions;
  const invoke = (input: unknown) =>
    serveIpcCall(options, channel, { senderFrame: { url: appPage, parent: null } }, [input]) as Promise<Result<IssuedDocument>>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'saksflyt-approval-ipc-'));
    services = await composeServices({
      appInfo: { name: 'Saksflyt', version: '0.1.0', shell: 'electron', platform: 'linux', dataDir },
      secureStore: createPlainFileSecureStore(secretsFilePath(dataDir)),
      logSource: 'main',
      resourcesDir,
      schemasDir: join(resourcesDir, '..', 'vendor', 'schemas'),
    });
    options = { handlers: services.handlers, isAppPage: (url) => url === appPage };
  });
  afterAll(async () => {
    await services.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('seals a valid decision with the demo seal', async () => {
    const result = await invoke({ documentId: 'approval-ipc-1', decision });
    expect(result.ok).toBe(true);
    const pdf = Buffer.from(result.ok ? result.value.pdfBase64 : '', 'base64');
    expect(await pdfsig(pdf)).toEqual([expect.objectContaining({ valid: true, coversAll: true })]);
  });

  it.each([
    ['no courses', { documentId: 'a-1', decision: { ...decision, courses: [] } }, /courses/],
    ['an unknown verdict', { documentId: 'a-2', decision: { ...decision, courses: [{ ...decision.courses[0], verdict: 'maybe' }] } }, /verdict/],
    ['a wrong total', { documentId: 'a-3', decision: { ...decision, approvedCredits: 30 } }, /The courses approve 17.5 credits, not 30/],
    ['an empty document id', { documentId: '', decision }, /documentId/],
  ])('refuses %s with a clear validation error and stores nothing', async (_label, input, message) => {
    const result = await invoke(input);
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation', message: expect.stringMatching(message) } });
    const read = (await serveIpcCall(options, 'documents:read', { senderFrame: { url: appPage, parent: null } }, [
      { documentId: input.documentId },
    ])) as Result<unknown>;
    expect(read.ok).toBe(false);
  });
});
