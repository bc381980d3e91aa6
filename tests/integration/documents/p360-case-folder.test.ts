import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_FOLDER_ID_TYPE, createP360SifAdapter, type P360Config } from '../../../src-main/services/archive/adapters/p360-sif.adapter';
import { openArchiveOutbox } from '../../../src-main/services/archive/archive-outbox';
import { P360_REQUIRED_SETTINGS, startP360SifStandIn, type P360SifStandIn } from '../../stand-ins/p360-sif-server';
import { course, courseContractRecord, ELEVEN_DIGITS } from './case-folder-record';
import { withTempDir } from './tools';

const AUTH_KEY = 'stand-in-auth-key-case-folder';
const record = courseContractRecord();
const pdf = Buffer.from('%PDF-1.7 the countersigned contract');
const externalId = { Id: course.start.caseNumber, Type: CASE_FOLDER_ID_TYPE };
let p360: P360SifStandIn;

beforeEach(async () => {
  p360 = await startP360SifStandIn({ authKey: AUTH_KEY });
});
afterEach(() => p360.close());

const adapter = (config: Partial<Omit<P360Config, 'baseUrl'>> = {}) =>
  createP360SifAdapter({ config: { baseUrl: p360.url, ...P360_REQUIRED_SETTINGS, ...config }, authKey: async () => AUTH_KEY });
const OWNER = {
  ResponsiblePersonEmail: P360_REQUIRED_SETTINGS.responsiblePersonEmail,
  AccessGroup: P360_REQUIRED_SETTINGS.accessGroup,
  SubArchive: P360_REQUIRED_SETTINGS.subArchive,
  JournalUnit: P360_REQUIRED_SETTINGS.journalUnit,
};
/** What went over the wire besides the PDF itself. */
const sentWithoutFiles = () => JSON.stringify(p360.requests.map(({ parameter: { Files: _files, ...rest } }) => rest));

describe('P360 SIF adapter: a document of the case’s own folder (the course contract)', () => {
  it('creates the course’s case by its case number as external id, unscreened, and files the contract with the teaching resource as an outside recipient', async () => {
    const receipt = await adapter().archive({ id: 'outbox-1', record, pdf });
    expect(receipt).toEqual({ reference: '26/00001-1', details: { caseNumber: '26/00001', documentRecno: expect.any(String) } });
    expect(p360.requests.map((request) => `${request.service}.${request.method}`)).toEqual([
      'CaseService.GetCases',
      'CaseService.CreateCase',
      'DocumentService.CreateDocument',
    ]);
    const [getCases, createCase, createDocument] = p360.requests.map((request) => request.parameter);
    expect(getCases).toEqual({ ExternalId: externalId, CaseType: 'Sak' });
    expect(createCase).toEqual({ CaseType: 'Sak', Title: course.start.title, Status: 'B', ExternalId: externalId, ...OWNER });
    expect(createDocument).toMatchObject({
      CaseNumber: '26/00001',
      Title: 'Kontrakt om undervisning – EVU-VEI-H26 Veiledning av studenter i praksis',
      Category: 'Dokument ut',
      DocumentDate: '2026-08-18',
      Contacts: [],
      UnregisteredContacts: [{ Role: 'Mottaker', ContactName: 'Solveig Kræmer', Email: 'solveig.kraemer@undervisning.example.no' }],
      ...OWNER,
    });
    for (const screened of ['AccessCode', 'Paragraph', 'UnofficialTitle']) expect(createDocument).not.toHaveProperty(screened);
    expect(p360.cases[0]?.CaseType).toBe('Sak');
    expect(p360.documents[0]?.files[0]?.bytes.equals(pdf)).toBe(true);
    expect(p360.persons.size).toBe(0);
    expect(sentWithoutFiles()).not.toMatch(ELEVEN_DIGITS);
  });

  it('uses the configured case type, series and access group for the course’s case and its documents', async () => {
    await adapter({ courseCaseType: 'Kurssak', courseSubArchive: 'Kursarkiv', courseAccessGroup: 'Etter- og videreutdanning' }).archive({
      id: 'outbox-1',
      record,
      pdf,
    });
    const course = { SubArchive: 'Kursarkiv', AccessGroup: 'Etter- og videreutdanning' };
    expect(p360.requests[0]?.parameter).toEqual({ ExternalId: externalId, CaseType: 'Kurssak' });
    expect(p360.requests[1]?.parameter).toMatchObject({ CaseType: 'Kurssak', ...course });
    expect(p360.requests[2]?.parameter).toMatchObject(course);
  });

  it('finds the case again on a retry after a lost answer and files the contract once', async () => {
    p360.failNext('DocumentService/CreateDocument', 'answer-lost');
    await withTempDir(async (dir) => {
      let clock = Date.parse('2026-08-21T08:00:00.000Z');
      const outbox = await openArchiveOutbox({ dir, adapters: [adapter()], now: () => new Date(clock) });
      try {
        const entry = await outbox.enqueue({ target: 'p360', record, pdf });
        await outbox.processDue();
        expect((await outbox.list())[0]).toMatchObject({ id: entry.id, status: 'queued', attempts: 1 });
        clock += 24 * 60 * 60 * 1000;
        await outbox.processDue();
        expect((await outbox.list())[0]).toMatchObject({ id: entry.id, status: 'archived', receipt: { reference: '26/00001-1' } });
      } finally {
        await outbox.stop();
      }
    });
    expect(p360.cases).toHaveLength(1);
    expect(p360.documents).toHaveLength(1);
    expect(p360.requests.filter((request) => request.method === 'CreateCase')).toHaveLength(1);
    expect(p360.requests.map((request) => request.method).slice(-2)).toEqual(['GetCases', 'GetDocuments']);
  });

  it('files on the course’s case already in P360, passing over one marked Utgår, and never on a student folder', async () => {
    p360.addStudentFolder({ nationalId: '14837512345', status: 'Under behandling' });
    p360.addExternalCase({ externalId, status: 'Utgår' });
    const live = p360.addExternalCase({ externalId, status: 'Under behandling' });
    const receipt = await adapter().archive({ id: 'outbox-1', record, pdf });
    expect(receipt.details.caseNumber).toBe(live.CaseNumber);
    expect(p360.requests.map((request) => request.method)).toEqual(['GetCases', 'GetDocuments', 'CreateDocument']);
  });

  it('refuses to guess between two live cases with the course’s case number', async () => {
    p360.addExternalCase({ externalId, status: 'Under behandling' });
    p360.addExternalCase({ externalId, status: 'Avsluttet' });
    await expect(adapter().archive({ id: 'outbox-1', record, pdf })).rejects.toMatchObject({
      kind: 'validation',
      message: expect.stringContaining(`P360 has 2 cases for ${course.start.caseNumber}`),
    });
    expect(p360.documents).toHaveLength(0);
  });
});
