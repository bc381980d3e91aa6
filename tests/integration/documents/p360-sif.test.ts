import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoArchiveRecord, demoFollowUpCase } from '../../../src-main/cli/demo-case';
import { createP360SifAdapter } from '../../../src-main/services/archive/adapters/p360-sif.adapter';
import { createPdfRenderer } from '../../../src-main/services/pdf/pdf-renderer';
import { AppError } from '../../../src-shared/kernel/app-error';
import { startP360SifStandIn, type P360SifStandIn } from '../../stand-ins/p360-sif-server';
import { resourcesDir } from './tools';

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

const adapter = (authKey = AUTH_KEY) => createP360SifAdapter({ config: { baseUrl: p360.url }, authKey: async () => authKey });

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
    expect(p360.requests.every((request) => request.authkey === AUTH_KEY)).toBe(true);
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
    });
    expect(createDocument).toMatchObject({
      CaseNumber: '26/00001',
      Title: 'Vedtak – tap av studierett',
      Category: 'Vedtak',
      Status: 'J',
      DocumentDate: '2026-12-01',
      AccessCode: '13',
      Paragraph: 'Offl. § 13 jf. fvl. § 13 (1) nr.1',
      Contacts: [{ Role: 'Mottaker', ReferenceNumber: recno, IsUnofficial: true }],
      UnregisteredContacts: [{ Role: 'Kopi til', ContactName: 'Ingrid Solberg', Email: 'rektor@hho.example.no' }],
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
});
