import { z } from 'zod';
import { AppError, summarizeZodError } from '../../../../src-shared/kernel/app-error';
import type { ArchiveRecord } from '../../../../src-shared/documents/archive-record.schema';
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

/**
 * Public 360 through SIF's JSON RPC: make sure the student exists as a private person
 * (ContactService.SynchronizePrivatePerson), find the student's folder by national ID or create
 * it (CaseService.GetCases / CreateCase: status B, archive code FNR, access code 13), then file
 * the PDF on it (DocumentService.CreateDocument). The folder lookup makes a retry after a partial
 * failure reuse the folder instead of opening a second one. Folders marked `Utgår` are passed
 * over; more than one live folder is refused for a person to sort out, never guessed between.
 * Likewise, on a folder that already existed the document is looked up first (GetDocuments,
 * matching title and document date), so a CreateDocument whose answer was lost is not filed twice.
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
  /** Screening, ownership and series shared by the folder and its documents. */
  const access = {
    ...STUDENT_FOLDER_ACCESS,
    AccessGroup: config.accessGroup,
    ResponsiblePersonEmail: config.responsiblePersonEmail,
    SubArchive: config.subArchive,
    JournalUnit: config.journalUnit,
    ...(config.responsibleEnterpriseRecno ? { ResponsibleEnterpriseRecno: config.responsibleEnterpriseRecno } : {}),
  };

  /** The student's folder, and whether it was made just now (then it holds no documents yet). */
  async function studentFolder(record: ArchiveRecord, personRecno: number): Promise<{ caseNumber: string; created: boolean }> {
    const found = await call(
      'CaseService',
      'GetCases',
      { ArchiveCode: record.student.nationalId, CaseType: config.caseType, Title: config.folderTitle },
      casesResult,
    );
    const live = (found.Cases ?? []).filter((folder) => folder.Status !== DISCARDED_STATUS);
    if (live.length > 1) {
      throw new AppError(
        'validation',
        `P360 has ${live.length} student folders for this student (${live.map((folder) => folder.CaseNumber).join(', ')}); mark the wrong ones ${DISCARDED_STATUS} and retry`,
      );
    }
    const existing = live[0];
    if (existing) return { caseNumber: existing.CaseNumber, created: false };
    const created = await call(
      'CaseService',
      'CreateCase',
      {
        CaseType: config.caseType,
        Title: config.folderTitle,
        UnofficialTitle: `${config.folderTitle} – ${record.student.givenName} ${record.student.familyName}`,
        Status: 'B',
        ArchiveCodes: [{ ArchiveCode: record.student.nationalId, ArchiveType: 'FNR', Sort: 1, IsManualText: true }],
        ...access,
        Contacts: [{ Role: config.roles.party, ReferenceNumber: `recno:${personRecno}`, IsUnofficial: true }],
      },
      caseResult,
    );
    return { caseNumber: created.CaseNumber, created: true };
  }

  /** The document as filed by an earlier attempt whose answer was lost, if there is one. */
  async function filedBefore(record: ArchiveRecord, caseNumber: string) {
    const found = await call('DocumentService', 'GetDocuments', { CaseNumber: caseNumber }, documentsResult);
    return (found.Documents ?? []).find((document) => document.Title === record.title && document.DocumentDate?.slice(0, 10) === record.documentDate);
  }

  function contacts(record: ArchiveRecord, personRecno: number) {
    const role = (recipient: ArchiveRecord['recipients'][number]) => config.roles[recipient.role];
    return {
      Contacts: record.recipients
        .filter((recipient) => recipient.party === 'student')
        .map((recipient) => ({ Role: role(recipient), ReferenceNumber: `recno:${personRecno}`, IsUnofficial: true })),
      UnregisteredContacts: record.recipients
        .filter((recipient) => recipient.party === 'staff')
        .map((recipient) => ({ Role: role(recipient), ContactName: recipient.name, Email: recipient.email })),
    };
  }

  return {
    name: 'p360',
    async archive({ record, pdf }) {
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
      const caseNumber = folder.caseNumber;
      const document =
        (folder.created ? undefined : await filedBefore(record, caseNumber)) ??
        (await call(
          'DocumentService',
          'CreateDocument',
          {
            CaseNumber: caseNumber,
            Title: record.title,
            UnofficialTitle: `${record.title} – ${record.student.givenName} ${record.student.familyName}`,
            Category: documentFiling(record.kind).p360Category,
            Status: 'J',
            DocumentDate: record.documentDate,
            Archive: 'Saksdokument',
            ...access,
            ...contacts(record, person.Recno),
            Files: [{ Title: record.title, Format: 'pdf', Base64Data: pdf.toString('base64'), Status: 'F', VersionFormat: 'A', Category: '1' }],
          },
          documentResult,
        ));
      return {
        reference: document.DocumentNumber,
        details: { caseNumber, personRecno: String(person.Recno), ...(document.Recno === undefined ? {} : { documentRecno: String(document.Recno) }) },
      };
    },
  };
}
