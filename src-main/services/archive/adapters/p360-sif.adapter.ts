import { z } from 'zod';
import { AppError, summarizeZodError } from '../../../../src-shared/kernel/app-error';
import type { ArchiveRecipient, ArchiveRecord, StudentArchiveRecord } from '../../../../src-shared/documents/archive-record.schema';
import { documentFiling } from '../../../../src-shared/documents/document-filing';
import type { ArchiveAdapter } from '../archive-adapter';
import type { SecretGetter } from '../../signing/signer-backend';
import { createSifClient } from './p360-sif.client';

/** The student folder's screening: access code 13 (duty of confidentiality) with its legal basis. */
export const STUDENT_FOLDER_ACCESS = { AccessCode: '13', Paragraph: 'Offl. § 13 jf. fvl. § 13 (1) nr.1' } as const;

/** A folder with this status was made by mistake and is not used (P360's "Utgår"). */
const DISCARDED_STATUS = 'Utgår';

/**
 * Code values differ between P360 installations; these are the usual ones and can be overridden.
 * The journal category is not among them: it follows the document kind (`documentFiling`).
 * Who owns the folder and its documents has no default: without these settings P360 would file
 * them on the integration user in the default series with default access.
 */
export const p360ConfigSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }),
  caseType: z.string().min(1).default('Student'),
  folderTitle: z.string().min(1).default('Studentmappe'),
  /** The case type of a case's own folder (a course's, for its contract): an ordinary, unscreened case. */
  courseCaseType: z.string().min(1).default('Sak'),
  /** Series and access group of a case's own folder and its documents, when not the student folders' ones. */
  courseSubArchive: z.string().min(1).optional(),
  courseAccessGroup: z.string().min(1).optional(),
  /** The case officer who owns the folders and documents (saksansvarlig), by their P360 e-mail. */
  responsiblePersonEmail: z.email(),
  accessGroup: z.string().min(1),
  subArchive: z.string().min(1),
  journalUnit: z.string().min(1),
  responsibleEnterpriseRecno: z.string().min(1).optional(),
  /** Where the auth key goes: `Authorization: authkey <key>` (header) or `?authkey=` in the URL (query). */
  authKeyIn: z.enum(['header', 'query']).default('header'),
  /** Sent as the `clientid` header when the installation requires it. */
  clientId: z.string().min(1).max(200).optional(),
  roles: z
    .object({ party: z.string().min(1), recipient: z.string().min(1), copy: z.string().min(1), internalRecipient: z.string().min(1) })
    .default({ party: 'Sakspart', recipient: 'Mottaker', copy: 'Kopi til', internalRecipient: 'Intern mottaker' }),
});
export type P360Config = z.input<typeof p360ConfigSchema>;

const recnoResult = z.looseObject({ Recno: z.coerce.number().int() });
const casesResult = z.looseObject({
  Cases: z.array(z.looseObject({ CaseNumber: z.string(), Recno: z.coerce.number().int().optional(), Status: z.string().nullish() })).nullish(),
});
const caseResult = z.looseObject({ CaseNumber: z.string().min(1), Recno: z.coerce.number().int().optional() });
const documentResult = z.looseObject({ DocumentNumber: z.string().min(1), Recno: z.coerce.number().int().optional() });
const documentsResult = z.looseObject({
  Documents: z.array(documentResult.extend({ Title: z.string().nullish(), DocumentDate: z.string().nullish() })).nullish(),
});

/** The external id system of a case's own folder: its id is the app's case number, so a retry finds the folder. */
export const CASE_FOLDER_ID_TYPE = 'Saksflyt';

type Folder = { caseNumber: string; created: boolean };

/**
 * Public 360 through SIF's JSON RPC. A student's document: make sure the student exists as a
 * private person (ContactService.SynchronizePrivatePerson), find the student's folder by national
 * ID or create it (CaseService.GetCases / CreateCase: status B, archive code FNR, access code 13).
 * A document of the case's own folder (`folder: 'case'`, the course's contract): find the case by
 * the app's case number as its external id or create it (the configured `courseCaseType`, not
 * screened), naming nobody by national ID. Then the PDF is filed on the folder
 * (DocumentService.CreateDocument). The folder lookup makes a retry after a partial failure reuse
 * the folder instead of opening a second one. Folders marked `Utgår` are passed over; more than
 * one live folder is refused for a person to sort out, never guessed between. Likewise, on a
 * folder that already existed the document is looked up first (GetDocuments, matching title and
 * document date), so a CreateDocument whose answer was lost is not filed twice.
 */
export function createP360SifAdapter(options: { config: P360Config; authKey: SecretGetter; timeoutMs?: number }): ArchiveAdapter {
  const parsed = p360ConfigSchema.safeParse(options.config);
  if (!parsed.success) throw new AppError('precondition', `The P360 settings are invalid: ${summarizeZodError(parsed.error)}`);
  const config = parsed.data;
  const call = createSifClient({
    baseUrl: config.baseUrl,
    authKey: options.authKey,
    authKeyIn: config.authKeyIn,
    clientId: config.clientId,
    timeoutMs: options.timeoutMs,
  });
  /** Ownership and series shared by a folder and its documents. */
  const owner = {
    AccessGroup: config.accessGroup,
    ResponsiblePersonEmail: config.responsiblePersonEmail,
    SubArchive: config.subArchive,
    JournalUnit: config.journalUnit,
    ...(config.responsibleEnterpriseRecno ? { ResponsibleEnterpriseRecno: config.responsibleEnterpriseRecno } : {}),
  };
  /** A student's folder and documents are screened; a case's own are public unless someone decides otherwise in P360. */
  const studentAccess = { ...STUDENT_FOLDER_ACCESS, ...owner };
  const caseAccess = { ...owner, AccessGroup: config.courseAccessGroup ?? owner.AccessGroup, SubArchive: config.courseSubArchive ?? owner.SubArchive };

  /** The one live folder GetCases finds, or the one CreateCase makes (then it holds no documents yet). */
  async function findOrCreate(what: string, query: object, create: object): Promise<Folder> {
    const found = await call('CaseService', 'GetCases', query, casesResult);
    const live = (found.Cases ?? []).filter((folder) => folder.Status !== DISCARDED_STATUS);
    if (live.length > 1) {
      throw new AppError(
        'validation',
        `P360 has ${live.length} ${what} (${live.map((folder) => folder.CaseNumber).join(', ')}); mark the wrong ones ${DISCARDED_STATUS} and retry`,
      );
    }
    const existing = live[0];
    if (existing) return { caseNumber: existing.CaseNumber, created: false };
    const created = await call('CaseService', 'CreateCase', create, caseResult);
    return { caseNumber: created.CaseNumber, created: true };
  }

  const studentFolder = (record: StudentArchiveRecord, personRecno: number) =>
    findOrCreate(
      'student folders for this student',
      { ArchiveCode: record.student.nationalId, CaseType: config.caseType, Title: config.folderTitle },
      {
        CaseType: config.caseType,
        Title: config.folderTitle,
        UnofficialTitle: `${config.folderTitle} – ${record.student.givenName} ${record.student.familyName}`,
        Status: 'B',
        ArchiveCodes: [{ ArchiveCode: record.student.nationalId, ArchiveType: 'FNR', Sort: 1, IsManualText: true }],
        ...studentAccess,
        Contacts: [{ Role: config.roles.party, ReferenceNumber: `recno:${personRecno}`, IsUnofficial: true }],
      },
    );

  const caseFolder = (record: ArchiveRecord) => {
    const externalId = { Id: record.case.caseNumber, Type: CASE_FOLDER_ID_TYPE };
    return findOrCreate(
      `cases for ${record.case.caseNumber}`,
      { ExternalId: externalId, CaseType: config.courseCaseType },
      { CaseType: config.courseCaseType, Title: record.case.title, Status: 'B', ExternalId: externalId, ...caseAccess },
    );
  };

  /** The document as filed by an earlier attempt whose answer was lost, if there is one. */
  async function filedBefore(record: ArchiveRecord, caseNumber: string) {
    const found = await call('DocumentService', 'GetDocuments', { CaseNumber: caseNumber }, documentsResult);
    return (found.Documents ?? []).find((document) => document.Title === record.title && document.DocumentDate?.slice(0, 10) === record.documentDate);
  }

  /** The student by their P360 person; staff and people outside (a teaching resource) by name and e-mail. */
  function contacts(record: ArchiveRecord, personRecno?: number) {
    const role = (recipient: ArchiveRecipient) => config.roles[recipient.role];
    const asPerson = (recipient: ArchiveRecipient) => recipient.party === 'student' && personRecno !== undefined;
    return {
      Contacts: record.recipients.filter(asPerson).map((recipient) => ({ Role: role(recipient), ReferenceNumber: `recno:${personRecno}`, IsUnofficial: true })),
      UnregisteredContacts: record.recipients
        .filter((recipient) => !asPerson(recipient))
        .map((recipient) => ({ Role: role(recipient), ContactName: recipient.name, Email: recipient.email })),
    };
  }

  /** Files the PDF on the folder unless an earlier attempt did; `fields` say how it is screened and whom it names. */
  async function fileOn(folder: Folder, record: ArchiveRecord, pdf: Buffer, fields: object) {
    const before = folder.created ? undefined : await filedBefore(record, folder.caseNumber);
    if (before) return before;
    return call(
      'DocumentService',
      'CreateDocument',
      {
        CaseNumber: folder.caseNumber,
        Title: record.title,
        Category: documentFiling(record.kind).p360Category,
        Status: 'J',
        DocumentDate: record.documentDate,
        Archive: 'Saksdokument',
        ...fields,
        Files: [{ Title: record.title, Format: 'pdf', Base64Data: pdf.toString('base64'), Status: 'F', VersionFormat: 'A', Category: '1' }],
      },
      documentResult,
    );
  }

  const receipt = (folder: Folder, document: { DocumentNumber: string; Recno?: number }, details: Record<string, string>) => ({
    reference: document.DocumentNumber,
    details: { caseNumber: folder.caseNumber, ...details, ...(document.Recno === undefined ? {} : { documentRecno: String(document.Recno) }) },
  });

  return {
    name: 'p360',
    async archive({ record, pdf }) {
      if (record.folder === 'case') {
        const folder = await caseFolder(record);
        return receipt(folder, await fileOn(folder, record, pdf, { ...caseAccess, ...contacts(record) }), {});
      }
      const person = await call(
        'ContactService',
        'SynchronizePrivatePerson',
        {
          FirstName: record.student.givenName,
          LastName: record.student.familyName,
          PersonalIdNumber: record.student.nationalId,
          Email: record.student.email,
        },
        recnoResult,
      );
      const folder = await studentFolder(record, person.Recno);
      const document = await fileOn(folder, record, pdf, {
        UnofficialTitle: `${record.title} – ${record.student.givenName} ${record.student.familyName}`,
        ...studentAccess,
        ...contacts(record, person.Recno),
      });
      return receipt(folder, document, { personRecno: String(person.Recno) });
    },
  };
}
