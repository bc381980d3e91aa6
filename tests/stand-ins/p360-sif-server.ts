import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Public 360's SIF JSON RPC API: POST
 * /Biz/v2/api/call/SI.Data.RPC/SI.Data.RPC/{Service}/{Method} with body {"parameter": {...}} and
 * the auth key as `Authorization: authkey <key>` or `?authkey=` (the forms SIF clients use; a
 * bare `authkey` header is refused); answers in SIF's result shape (Successful / ErrorMessage /
 * ErrorDetails plus Recno, CaseNumber, DocumentNumber, Cases) and records every request it got.
 * It keeps the rules of a real installation that matter here: unknown case numbers, missing
 * titles, access code 13 without a paragraph, a category that is not a journal category,
 * recipient-bearing categories without a recipient, and a folder or document without its owner
 * and series (responsible person, access group, sub-archive, journal unit) are refused.
 * GetDocuments lists a folder's documents, so a document filed twice by a retry is visible.
 * GetCases finds cases by archive code (a student folder's national ID) or by ExternalId {Id, Type}.
 */
export interface RecordedSifRequest {
  service: string;
  method: string;
  /** The key presented in an accepted form, and which form. */
  authkey: string | undefined;
  authForm: 'header' | 'query' | undefined;
  clientId: string | undefined;
  parameter: Record<string, unknown>;
}

export interface StandInCase {
  Recno: number;
  CaseNumber: string;
  Title: string;
  CaseType: string;
  /** As GetCases reports it: 'Under behandling', 'Avsluttet', 'Utgår', … */
  Status: string;
  ArchiveCodes: { ArchiveCode: string }[];
  /** The other system's id of a case (Saksflyt's case number for a case's own folder). */
  ExternalId?: { Id: string; Type: string };
  parameter: Record<string, unknown>;
}

export interface StandInDocument {
  Recno: number;
  DocumentNumber: string;
  CaseNumber: string;
  parameter: Record<string, unknown>;
  files: { title: string; bytes: Buffer }[];
}

/** `answer-lost`: the call is carried out, then the connection is dropped before the answer. */
type Failure = 'http-500' | 'unsuccessful' | 'answer-lost';

/** The owner and series settings the stand-in requires, for tests that configure P360. */
export const P360_REQUIRED_SETTINGS = {
  responsiblePersonEmail: 'saksbehandler@hho.example.no',
  accessGroup: 'Studieadministrasjon',
  subArchive: 'Studentarkiv',
  journalUnit: 'Sentralarkiv',
} as const;

export interface P360SifStandIn {
  /** Base URL of the "P360 server", e.g. http://127.0.0.1:1234 */
  url: string;
  requests: RecordedSifRequest[];
  persons: Map<string, number>;
  cases: StandInCase[];
  documents: StandInDocument[];
  /** The next `times` calls of `Service/Method` fail the given way. */
  failNext(operation: string, failure: Failure, times?: number): void;
  /** A student folder that is already in P360 (made elsewhere), with the given status. */
  addStudentFolder(folder: { nationalId: string; status: string; title?: string; caseType?: string }): StandInCase;
  /** A case with another system's id that is already in P360, with the given status. */
  addExternalCase(folder: { externalId: { Id: string; Type: string }; status: string; title?: string; caseType?: string }): StandInCase;
  close(): Promise<void>;
}

const RPC_PREFIX = '/Biz/v2/api/call/SI.Data.RPC/SI.Data.RPC/';
/** P360's journal categories (the Noark journalposttypes) for the documents Saksflyt files. */
const JOURNAL_CATEGORIES = new Set(['Dokument inn', 'Dokument ut', 'Internt notat med oppfølging', 'Internt notat uten oppfølging']);
const RECIPIENT_CATEGORIES = new Set(['Dokument ut']);
/** Without these P360 files on the integration user in the default series with default access. */
const OWNER_FIELDS = ['ResponsiblePersonEmail', 'AccessGroup', 'SubArchive', 'JournalUnit'];

export async function startP360SifStandIn(options: { authKey: string; year?: number }): Promise<P360SifStandIn> {
  const year = String(options.year ?? 2026).slice(2);
  const requests: RecordedSifRequest[] = [];
  const persons = new Map<string, number>();
  const cases: StandInCase[] = [];
  const documents: StandInDocument[] = [];
  const failures = new Map<string, { failure: Failure; times: number }>();
  let recno = 200_000;

  const ok = (fields: Record<string, unknown>) => ({ ...fields, Successful: true, ErrorMessage: null, ErrorDetails: null });
  const refused = (message: string) => ({ Successful: false, ErrorMessage: message, ErrorDetails: `SI.Biz.Core.Exceptions: ${message}` });
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const missingOwner = (parameter: Record<string, unknown>) => {
    const missing = OWNER_FIELDS.filter((field) => !text(parameter[field]));
    return missing.length > 0 ? refused(`${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} required`) : undefined;
  };

  const addCase = (fields: Omit<StandInCase, 'Recno' | 'CaseNumber'>): StandInCase => {
    const created = { Recno: ++recno, CaseNumber: `${year}/${String(cases.length + 1).padStart(5, '0')}`, ...fields };
    cases.push(created);
    return created;
  };

  const operations: Record<string, (parameter: Record<string, unknown>) => Record<string, unknown>> = {
    'ContactService/SynchronizePrivatePerson': (parameter) => {
      const id = text(parameter.PersonalIdNumber);
      if (!/^\d{11}$/.test(id)) return refused('PersonalIdNumber is not valid');
      if (!text(parameter.FirstName) || !text(parameter.LastName)) return refused('FirstName and LastName are required');
      if (!persons.has(id)) persons.set(id, ++recno);
      return ok({ Recno: persons.get(id) });
    },
    'CaseService/GetCases': (parameter) => {
      const found = cases.filter(
        (candidate) =>
          (!parameter.ArchiveCode || candidate.ArchiveCodes.some((code) => code.ArchiveCode === parameter.ArchiveCode)) &&
          (!externalId(parameter) || sameExternalId(candidate.ExternalId, externalId(parameter))) &&
          (!parameter.Title || candidate.Title === parameter.Title) &&
          (!parameter.CaseType || candidate.CaseType === parameter.CaseType),
      );
      return ok({
        Cases: found.map(({ Recno, CaseNumber, Title, Status }) => ({ Recno, CaseNumber, Title, Status })),
        TotalCount: found.length,
        TotalPageCount: 1,
      });
    },
    'CaseService/CreateCase': (parameter) => {
      if (!text(parameter.Title)) return refused('Title is required');
      if (parameter.AccessCode === '13' && !text(parameter.Paragraph)) return refused('Paragraph is required for access code 13');
      const owner = missingOwner(parameter);
      if (owner) return owner;
      const created = addCase({
        Title: text(parameter.Title),
        CaseType: text(parameter.CaseType),
        Status: 'Under behandling',
        ArchiveCodes: Array.isArray(parameter.ArchiveCodes) ? (parameter.ArchiveCodes as { ArchiveCode: string }[]) : [],
        ExternalId: externalId(parameter),
        parameter,
      });
      return ok({ Recno: created.Recno, CaseNumber: created.CaseNumber, ImportedCaseNumber: null, UID: null, UIDOrigin: null });
    },
    'DocumentService/GetDocuments': (parameter) => {
      const found = documents.filter((document) => !parameter.CaseNumber || document.CaseNumber === parameter.CaseNumber);
      return ok({
        Documents: found.map(({ Recno, DocumentNumber, CaseNumber, parameter: filed }) => ({
          Recno,
          DocumentNumber,
          CaseNumber,
          Title: filed.Title,
          DocumentDate: filed.DocumentDate,
        })),
        TotalCount: found.length,
        TotalPageCount: 1,
      });
    },
    'DocumentService/CreateDocument': (parameter) => {
      const folder = cases.find((candidate) => candidate.CaseNumber === parameter.CaseNumber);
      if (!folder) return refused(`Case ${text(parameter.CaseNumber)} was not found`);
      if (!text(parameter.Title) || !text(parameter.Category) || !text(parameter.Status)) {
        return refused('Title, Category and Status are required');
      }
      if (parameter.AccessCode === '13' && !text(parameter.Paragraph)) return refused('Paragraph is required for access code 13');
      const owner = missingOwner(parameter);
      if (owner) return owner;
      if (!JOURNAL_CATEGORIES.has(text(parameter.Category))) return refused(`Category '${text(parameter.Category)}' is not a valid code value`);
      const roles = [
        ...(Array.isArray(parameter.Contacts) ? parameter.Contacts : []),
        ...(Array.isArray(parameter.UnregisteredContacts) ? parameter.UnregisteredContacts : []),
      ].map((contact) => text((contact as { Role?: unknown }).Role));
      if (RECIPIENT_CATEGORIES.has(text(parameter.Category)) && !roles.includes('Mottaker')) {
        return refused(`Category ${text(parameter.Category)} requires a contact with role Mottaker`);
      }
      const files = (Array.isArray(parameter.Files) ? parameter.Files : []).map((file) => ({
        title: text((file as { Title?: unknown }).Title),
        bytes: Buffer.from(text((file as { Base64Data?: unknown }).Base64Data), 'base64'),
      }));
      if (files.some((file) => !file.title || file.bytes.length === 0)) return refused('Every file needs Title and Base64Data');
      const number = documents.filter((document) => document.CaseNumber === folder.CaseNumber).length + 1;
      const created: StandInDocument = {
        Recno: ++recno,
        DocumentNumber: `${folder.CaseNumber}-${number}`,
        CaseNumber: folder.CaseNumber,
        parameter,
        files,
      };
      documents.push(created);
      return ok({ Recno: created.Recno, DocumentNumber: created.DocumentNumber, ImportedDocumentNumber: null, UID: null });
    },
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => send(response, 500, { Message: String(error) }));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const path = url.pathname;
    if (request.method !== 'POST' || !path.startsWith(RPC_PREFIX)) return send(response, 404, { Message: 'Not found' });
    const operation = path.slice(RPC_PREFIX.length);
    const [service = '', method = ''] = operation.split('/');
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    let body: { parameter?: Record<string, unknown> };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { parameter?: Record<string, unknown> };
    } catch {
      return send(response, 400, { Message: 'The request body is not JSON' });
    }
    const { authkey, authForm } = presentedKey(request.headers.authorization, url.searchParams.get('authkey'));
    const clientId = request.headers.clientid as string | undefined;
    requests.push({ service, method, authkey, authForm, clientId, parameter: body.parameter ?? {} });
    if (authkey !== options.authKey) return send(response, 401, { Message: 'Authorization has been denied for this request.' });
    const handler = operations[operation];
    if (!handler) return send(response, 404, { Message: `No operation ${operation}` });
    const failure = failures.get(operation);
    if (failure && failure.times > 0) {
      failure.times -= 1;
      if (failure.failure === 'answer-lost') {
        handler(body.parameter ?? {});
        response.socket?.destroy();
        return;
      }
      return failure.failure === 'http-500'
        ? send(response, 500, { Message: 'An error has occurred.' })
        : send(response, 200, refused('Database timeout (stand-in)'));
    }
    send(response, 200, handler(body.parameter ?? {}));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    persons,
    cases,
    documents,
    failNext: (operation, failure, times = 1) => failures.set(operation, { failure, times }),
    addStudentFolder: ({ nationalId, status, title = 'Studentmappe', caseType = 'Student' }) =>
      addCase({ Title: title, CaseType: caseType, Status: status, ArchiveCodes: [{ ArchiveCode: nationalId }], parameter: {} }),
    addExternalCase: ({ externalId: id, status, title = 'Sak', caseType = 'Sak' }) =>
      addCase({ Title: title, CaseType: caseType, Status: status, ArchiveCodes: [], ExternalId: id, parameter: {} }),
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** The `ExternalId: {Id, Type}` of a parameter, when it has a whole one. */
function externalId(parameter: Record<string, unknown>): { Id: string; Type: string } | undefined {
  const value = parameter.ExternalId as { Id?: unknown; Type?: unknown } | undefined;
  return typeof value?.Id === 'string' && typeof value.Type === 'string' ? { Id: value.Id, Type: value.Type } : undefined;
}
const sameExternalId = (a: { Id: string; Type: string } | undefined, b: { Id: string; Type: string } | undefined) =>
  a !== undefined && b !== undefined && a.Id === b.Id && a.Type === b.Type;

/** The key from `Authorization: authkey <key>` or `?authkey=`; anything else (a bare `authkey` header) presents none. */
function presentedKey(authorization: string | undefined, query: string | null): Pick<RecordedSifRequest, 'authkey' | 'authForm'> {
  const header = /^authkey (.+)$/.exec(authorization ?? '')?.[1];
  if (header) return { authkey: header, authForm: 'header' };
  if (query) return { authkey: query, authForm: 'query' };
  return { authkey: undefined, authForm: undefined };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}
