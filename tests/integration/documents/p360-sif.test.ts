import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { demoArchiveRecord, demoFollowUpCase } from '../../../src-main/cli/demo-case';
import { createP360SifAdapter, type P360Config } from '../../../src-main/services/archive/adapters/p360-sif.adapter';
import { createPdfRenderer } from '../../../src-main/services/pdf/pdf-renderer';
import { createSifClient, SIF_RPC_PATH } from '../../../src-main/services/archive/adapters/p360-sif.client';
import { openArchiveOutbox } from '../../../src-main/services/archive/archive-outbox';
import { documentsConfigSchema } from '../../../src-main/services/documents-wiring/documents-config';
import { AppError } from '../../../src-shared/kernel/app-error';
import { P360_REQUIRED_SETTINGS, startP360SifStandIn, type P360SifStandIn } from '../../stand-ins/p360-sif-server';
import { resourcesDir, withTempDir } from './tools';

const AUTH_KEY = 'stand-in-auth-key-7f3a';
const demo = demoFollowUpCase();
let decisionPdf: Buffer;
let protocolPdf: Buffer;
let p360: P360SifStandIn;

beforeAll(async () => {
  const renderer = createPdfRenderer({ resourcesDir });
  decisionPdf = await renderer.decision(demo.decision);
  protocolPdf = await renderer.protocol(demo.protocol);
});
beforeEach(async () => {
  p360 = await startP360SifStandIn({ authKey: AUTH_KEY });
});
afterEach(() => p360.close());

const adapter = (authKey = AUTH_KEY, config: Partial<Omit<P360Config, 'baseUrl'>> = {}) =>
  createP360SifAdapter({ config: { baseUrl: p360.url, ...P360_REQUIRED_SETTINGS, ...config }, authKey: async () => authKey });
/** What the folder and every document carry so they are not owned by the integration user. */
const OWNER = {
  ResponsiblePersonEmail: P360_REQUIRED_SETTINGS.responsiblePersonEmail,
  AccessGroup: P360_REQUIRED_SETTINGS.accessGroup,
  SubArchive: P360_REQUIRED_SETTINGS.subArchive,
  JournalUnit: P360_REQUIRED_SETTINGS.journalUnit,
};

describe('P360 SIF adapter over HTTP (stand-in server)', () => {
  it('synchronizes the student, creates the student folder and files the decision on it', async () => {
    const receipt = await adapter().archive({
      id: 'outbox-1',
      record: demoArchiveRecord(demo, 'decision', ['Høgskolen for helse og omsorg']),
      pdf: decisionPdf,
    });
    expect(receipt.reference).toBe('26/00001-1');
    expect(receipt.details.caseNumber).toBe('26/00001');

    expect(p360.requests.map((request) => `${request.service}.${request.method}`)).toEqual([
      'ContactService.SynchronizePrivatePerson',
      'CaseService.GetCases',
      'CaseService.CreateCase',
      'DocumentService.CreateDocument',
    ]);
    expect(p360.requests.every((request) => request.authkey === AUTH_KEY && request.authForm === 'header')).toBe(true);
    const [person, , createCase, createDocument] = p360.requests.map((request) => request.parameter);
    expect(person).toMatchObject({ FirstName: 'Åse', LastName: 'Ødegård', PersonalIdNumber: demo.student.nationalId });
    const recno = `recno:${p360.persons.get(demo.student.nationalId)}`;
    expect(createCase).toMatchObject({
      CaseType: 'Student',
      Title: 'Studentmappe',
      UnofficialTitle: 'Studentmappe – Åse Ødegård',
      Status: 'B',
      ArchiveCodes: [{ ArchiveCode: demo.student.nationalId, ArchiveType: 'FNR', Sort: 1, IsManualText: true }],
      AccessCode: '13',
      Paragraph: 'Offl. § 13 jf. fvl. § 13 (1) nr.1',
      Contacts: [{ Role: 'Sakspart', ReferenceNumber: recno, IsUnofficial: true }],
      ...OWNER,
    });
    expect(createDocument).toMatchObject({
      CaseNumber: '26/00001',
      Title: 'Vedtak – tap av studierett',
      Category: 'Dokument ut',
      Status: 'J',
      DocumentDate: '2026-12-01',
      AccessCode: '13',
      Paragraph: 'Offl. § 13 jf. fvl. § 13 (1) nr.1',
      Contacts: [{ Role: 'Mottaker', ReferenceNumber: recno, IsUnofficial: true }],
      UnregisteredContacts: [{ Role: 'Kopi til', ContactName: 'Ingrid Solberg', Email: 'rektor@hho.example.no' }],
      ...OWNER,
    });
    const stored = p360.documents[0];
    expect(stored?.files).toHaveLength(1);
    expect(stored?.files[0]?.bytes.equals(decisionPdf)).toBe(true);
  });

  it('files the protocol as an internal memo in the same folder: the folder is found, not created again', async () => {
    const sif = adapter();
    await sif.archive({ id: 'outbox-1', record: demoArchiveRecord(demo, 'decision', []), pdf: decisionPdf });
    const receipt = await sif.archive({ id: 'outbox-2', record: demoArchiveRecord(demo, 'protocol', []), pdf: protocolPdf });
    expect(receipt.reference).toBe('26/00001-2');
    expect(p360.cases).toHaveLength(1);
    expect(p360.documents[1]?.parameter).toMatchObject({
      Category: 'Internt notat uten oppfølging',
      UnregisteredContacts: [{ Role: 'Intern mottaker', ContactName: 'Per Hansen' }],
      Contacts: [{ Role: 'Kopi til' }],
    });
  });

  it('turns Successful=false into an external error carrying the archive’s ErrorMessage', async () => {
    p360.failNext('DocumentService/CreateDocument', 'unsuccessful');
    const failure = adapter().archive({ id: 'outbox-1', record: demoArchiveRecord(demo, 'decision', []), pdf: decisionPdf });
    await expect(failure).rejects.toBeInstanceOf(AppError);
    await expect(failure).rejects.toMatchObject({ kind: 'external', message: expect.stringContaining('Database timeout (stand-in)') });
  });

  it('reports HTTP errors and a wrong auth key as external errors', async () => {
    p360.failNext('ContactService/SynchronizePrivatePerson', 'http-500');
    await expect(adapter().archive({ id: 'o', record: demoArchiveRecord(demo, 'decision', []), pdf: decisionPdf })).rejects.toMatchObject({
      kind: 'external',
      message: expect.stringContaining('HTTP 500'),
    });
    await expect(adapter('wrong-key').archive({ id: 'o', record: demoArchiveRecord(demo, 'decision', []), pdf: decisionPdf })).rejects.toMatchObject({
      kind: 'external',
      message: expect.stringContaining('HTTP 401'),
    });
    expect(p360.documents).toHaveLength(0);
  });

  it('sends the auth key in the URL with a client id when configured so', async () => {
    const receipt = await adapter(AUTH_KEY, { authKeyIn: 'query', clientId: 'saksflyt-hifj' }).archive({
      id: 'outbox-1',
      record: demoArchiveRecord(demo, 'decision', []),
      pdf: decisionPdf,
    });
    expect(receipt.reference).toBe('26/00001-1');
    expect(p360.requests).toHaveLength(4);
    expect(p360.requests.every((request) => request.authkey === AUTH_KEY && request.authForm === 'query' && request.clientId === 'saksflyt-hifj')).toBe(true);
  });

  it('the stand-in refuses the key in a bare authkey header, as P360 does', async () => {
    const response = await fetch(`${p360.url}${SIF_RPC_PATH}/ContactService/SynchronizePrivatePerson`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authkey: AUTH_KEY },
      body: JSON.stringify({ parameter: { FirstName: 'Åse', LastName: 'Ødegård', PersonalIdNumber: demo.student.nationalId } }),
    });
    expect(response.status).toBe(401);
    expect(p360.persons.size).toBe(0);
  });

  it('the stand-in refuses a category that is not a P360 journal category', async () => {
    await adapter().archive({ id: 'outbox-1', record: demoArchiveRecord(demo, 'decision', []), pdf: decisionPdf });
    const call = createSifClient({ baseUrl: p360.url, authKey: async () => AUTH_KEY });
    const createDocument = (Category: string) =>
      call(
        'DocumentService',
        'CreateDocument',
        {
          CaseNumber: '26/00001',
          Title: 'Vedtak',
          Category,
          Status: 'J',
          Contacts: [{ Role: 'Mottaker', ReferenceNumber: 'recno:1' }],
          ...OWNER,
          Files: [{ Title: 'Vedtak', Base64Data: decisionPdf.toString('base64') }],
        },
        z.looseObject({ DocumentNumber: z.string() }),
      );
    await expect(createDocument('Vedtak')).rejects.toMatchObject({
      kind: 'external',
      message: expect.stringContaining("Category 'Vedtak' is not a valid code value"),
    });
    expect(p360.documents).toHaveLength(1);
    await expect(createDocument('Dokument ut')).resolves.toMatchObject({ DocumentNumber: '26/00001-2' });
  });

  it('passes over a folder marked Utgår and files on the live one', async () => {
    p360.addStudentFolder({ nationalId: demo.student.nationalId, status: 'Utgår' });
    const live = p360.addStudentFolder({ nationalId: demo.student.nationalId, status: 'Under behandling' });
    const receipt = await adapter().archive({ id: 'outbox-1', record: demoArchiveRecord(demo, 'decision', []), pdf: decisionPdf });
    expect(receipt.details.caseNumber).toBe(live.CaseNumber);
    expect(p360.cases).toHaveLength(2);
    expect(p360.requests.map((request) => request.method)).not.toContain('CreateCase');
  });

  it('opens a new folder when the only one is marked Utgår', async () => {
    const discarded = p360.addStudentFolder({ nationalId: demo.student.nationalId, status: 'Utgår' });
    const receipt = await adapter().archive({ id: 'outbox-1', record: demoArchiveRecord(demo, 'decision', []), pdf: decisionPdf });
    expect(p360.cases).toHaveLength(2);
    expect(receipt.details.caseNumber).not.toBe(discarded.CaseNumber);
    expect(receipt.details.caseNumber).toBe(p360.cases[1]?.CaseNumber);
  });

  it('refuses to guess between two live student folders, and the outbox shows why on the item', async () => {
    const first = p360.addStudentFolder({ nationalId: demo.student.nationalId, status: 'Under behandling' });
    const second = p360.addStudentFolder({ nationalId: demo.student.nationalId, status: 'Avsluttet' });
    await withTempDir(async (dir) => {
      const outbox = await openArchiveOutbox({ dir, adapters: [adapter()] });
      await outbox.enqueue({ target: 'p360', record: demoArchiveRecord(demo, 'decision', []), pdf: decisionPdf });
      await outbox.processDue();
      const [entry] = await outbox.list();
      expect(entry).toMatchObject({
        status: 'failed',
        lastError: expect.stringContaining(`2 student folders for this student (${first.CaseNumber}, ${second.CaseNumber})`),
      });
    });
    expect(p360.documents).toHaveLength(0);
    expect(p360.cases).toHaveLength(2);
  });

  it('takes where the key goes from documents.json, and refuses an unknown form', () => {
    const p360Config = (extra: object) =>
      documentsConfigSchema.safeParse({ archive: { p360: { baseUrl: p360.url, authKeySecret: 'p360.key', ...P360_REQUIRED_SETTINGS, ...extra } } });
    expect(p360Config({}).data?.archive.p360).toMatchObject({ authKeyIn: 'header' });
    expect(p360Config({ authKeyIn: 'query', clientId: 'saksflyt' }).data?.archive.p360).toMatchObject({ authKeyIn: 'query', clientId: 'saksflyt' });
    expect(p360Config({ authKeyIn: 'cookie' }).success).toBe(false);
  });

  it('requires the owner and series settings, in documents.json and in the adapter, with a clear error', () => {
    const withoutPerson = { ...P360_REQUIRED_SETTINGS, responsiblePersonEmail: undefined };
    const parsed = documentsConfigSchema.safeParse({ archive: { p360: { baseUrl: p360.url, authKeySecret: 'p360.key', ...withoutPerson } } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['archive.p360.responsiblePersonEmail']);
    expect(() => createP360SifAdapter({ config: { baseUrl: p360.url, ...withoutPerson } as unknown as P360Config, authKey: async () => AUTH_KEY })).toThrow(
      expect.objectContaining({ kind: 'precondition', message: expect.stringContaining('responsiblePersonEmail') }),
    );
    expect(() => adapter(AUTH_KEY, { responsiblePersonEmail: 'not-an-address' })).toThrow(expect.objectContaining({ kind: 'precondition' }));
  });

  it('the stand-in refuses a folder or a document without its owner and series, as a strict installation does', async () => {
    const call = createSifClient({ baseUrl: p360.url, authKey: async () => AUTH_KEY });
    const answer = z.looseObject({ CaseNumber: z.string() });
    await expect(
      call('CaseService', 'CreateCase', { Title: 'Studentmappe', CaseType: 'Student', AccessGroup: OWNER.AccessGroup }, answer),
    ).rejects.toMatchObject({ kind: 'external', message: expect.stringContaining('ResponsiblePersonEmail, SubArchive, JournalUnit are required') });
    const folder = p360.addStudentFolder({ nationalId: demo.student.nationalId, status: 'Under behandling' });
    await expect(
      call(
        'DocumentService',
        'CreateDocument',
        {
          CaseNumber: folder.CaseNumber,
          Title: 'Vedtak',
          Category: 'Dokument ut',
          Status: 'J',
          Contacts: [{ Role: 'Mottaker', ReferenceNumber: 'recno:1' }],
          ...OWNER,
          JournalUnit: undefined,
          Files: [{ Title: 'Vedtak', Base64Data: decisionPdf.toString('base64') }],
        },
        answer,
      ),
    ).rejects.toMatchObject({ kind: 'external', message: expect.stringContaining('JournalUnit is required') });
    expect(p360.cases).toHaveLength(1);
    expect(p360.documents).toHaveLength(0);
  });

  it('files a document once when the answer to CreateDocument is lost and the outbox retries', async () => {
    let clock = Date.UTC(2026, 11, 1, 12, 0, 0);
    const now = () => new Date(clock);
    p360.failNext('DocumentService/CreateDocument', 'answer-lost');
    await withTempDir(async (dir) => {
      const outbox = await openArchiveOutbox({ dir, adapters: [adapter()], backoff: { baseMs: 1_000, maxMs: 60_000, maxAttempts: 5 }, now, random: () => 1 });
      await outbox.enqueue({ target: 'p360', record: demoArchiveRecord(demo, 'decision', []), pdf: decisionPdf });
      await outbox.processDue();
      let [entry] = await outbox.list();
      expect(entry).toMatchObject({ status: 'queued', attempts: 1, lastError: expect.stringContaining('no answer') });
      expect(p360.documents).toHaveLength(1); // P360 filed it; only the answer was lost

      clock += 1_000;
      await outbox.processDue();
      [entry] = await outbox.list();
      expect(entry).toMatchObject({ status: 'archived', attempts: 2, receipt: { reference: '26/00001-1' } });
    });
    expect(p360.cases).toHaveLength(1);
    expect(p360.documents.map((document) => document.DocumentNumber)).toEqual(['26/00001-1']);
    expect(p360.requests.map((request) => request.method).slice(-3)).toEqual(['SynchronizePrivatePerson', 'GetCases', 'GetDocuments']);
  });
});
