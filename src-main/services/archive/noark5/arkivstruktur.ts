import { createHash } from 'node:crypto';
import type { ArchiveRecord } from '../../../../src-shared/documents/archive-record.schema';
import { documentFiling } from '../../../../src-shared/documents/document-filing';
import { caseNumberParts, journalEntries, type JournalEntry } from './journal-entries';
import { el, opt, renderXml, type XmlNode } from './xml';

/**
 * Noark 5 arkivstruktur.xml (Arkivverket's arkivstruktur.xsd, version 5): arkiv → arkivdel →
 * saksmappe (one per case) → journalpost (one per document) → dokumentbeskrivelse →
 * dokumentobjekt with SHA-256 checksum and PRONOM format. Code values are the obligatory values
 * of the Noark 5 metadata catalogue (M050 arkivstatus, M051 arkivdelstatus, M052 saksstatus,
 * M053 journalstatus, M054 dokumentstatus, M082 journalposttype, M087 korrespondanseparttype,
 * M217 tilknyttetRegistreringSom, M500/M502 skjerming, M700 variantformat, M706 algorithm).
 */
export const NOARK5_NAMESPACE = 'http://www.arkivverket.no/standarder/noark5/arkivstruktur';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** M052 saksstatus of a case still being handled, and of one that has ended. */
export const OPEN_STATUS = 'Under behandling';
export const CLOSED_STATUS = 'Avsluttet';

/** PRONOM PUID of PDF/A-2b (fmt/95 is PDF/A-1a; fmt/476–478 are PDF/A-2a, 2b and 2u). */
export const PDF_A_2B_PUID = 'fmt/477';
/** What the student folder is screened by (offentleglova § 13 with forvaltningsloven § 13). */
export const SCREENING_BASIS = 'Offl. § 13 jf. fvl. § 13 (1) nr.1';

export interface Noark5Document {
  record: ArchiveRecord;
  /** Path of the file relative to the package root, e.g. "dokumenter/vedtak.pdf". */
  filePath: string;
  sha256: string;
  size: number;
  archivedAt: string;
  archivedBy: string;
}

/** How a case in the package ended: avsluttetDato and avsluttetAv of its saksmappe. */
export interface CaseClosing {
  closedAt: string;
  closedBy: string;
  /** The archive held the case open before (its documents came first): the change of saksstatus goes into endringslogg.xml. */
  logged: boolean;
}
export type CaseClosings = ReadonlyMap<string, CaseClosing>;

export interface Noark5PackageInfo {
  archiveTitle: string;
  creatorId: string;
  creatorName: string;
  exportedAt: string;
  exportedBy: string;
}

const documentType: Record<ArchiveRecord['kind'], string> = {
  protocol: 'Protokoll',
  summons: 'Brev',
  decision: 'Vedtak',
  letter: 'Brev',
  contract: 'Avtale',
  certificate: 'Bevis',
  other: 'Notat',
};
export const correspondentType: Record<ArchiveRecord['recipients'][number]['role'], string> = {
  recipient: 'Mottaker',
  copy: 'Kopimottaker',
  internalRecipient: 'Intern mottaker',
};

/** The student a record is filed on; none for a document of the case's own folder. */
export const studentName = (record: ArchiveRecord): string | undefined =>
  record.student ? `${record.student.givenName} ${record.student.familyName}` : undefined;

/** How a screened name is shown in public titles and the public journal. */
export const SCREENED = '*****';
/** A student's name goes into a title after a dash; the public title has it screened. */
export const titled = (title: string, student: string | undefined): string => (student ? `${title} – ${student}` : title);
export const publicTitle = (title: string, student: string | undefined): string => titled(title, student && SCREENED);

/** A stable UUID-shaped systemID from a name, so exporting again gives the same identifiers. */
export function systemId(name: string): string {
  const hex = createHash('sha256').update(`saksflyt:${name}`).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The medium and the created/closed stamps of the archive and its part: both made and closed by the export. */
function closedByExport(info: Noark5PackageInfo) {
  return [
    el('dokumentmedium', 'Elektronisk arkiv'),
    el('opprettetDato', info.exportedAt),
    el('opprettetAv', info.exportedBy),
    el('avsluttetDato', info.exportedAt),
    el('avsluttetAv', info.exportedBy),
  ];
}

/** The period the archive part covers: from the earliest document's date to the export; none while empty. */
export function archivalPeriod(info: Noark5PackageInfo, documents: readonly Noark5Document[]): { start: string; end: string } | undefined {
  const start = documents.map((document) => document.record.documentDate).sort()[0];
  return start ? { start, end: info.exportedAt.slice(0, 10) } : undefined;
}

/** The documents are those of closed cases only: arkivstruktur.xsd requires every folder's avsluttetDato. */
export function buildArkivstruktur(info: Noark5PackageInfo, documents: readonly Noark5Document[], closings: CaseClosings): string {
  const byCase = new Map<string, JournalEntry[]>();
  for (const entry of journalEntries(documents)) {
    byCase.set(entry.document.record.case.id, [...(byCase.get(entry.document.record.case.id) ?? []), entry]);
  }
  const period = archivalPeriod(info, documents);

  const arkivdel = el('arkivdel', [
    el('systemID', systemId(`arkivdel:${info.creatorId}`)),
    el('tittel', `${info.archiveTitle} – oppfølgingssaker`),
    el('arkivdelstatus', 'Avsluttet periode'),
    ...closedByExport(info),
    ...opt('arkivperiodeStartDato', period?.start),
    ...opt('arkivperiodeSluttDato', period?.end),
    ...[...byCase.values()].map((caseEntries) => saksmappe(caseEntries, closings)),
  ]);

  return renderXml(
    el(
      'arkiv',
      [
        el('systemID', systemId(`arkiv:${info.creatorId}`)),
        el('tittel', info.archiveTitle),
        el('arkivstatus', 'Avsluttet'),
        ...closedByExport(info),
        el('arkivskaper', [el('arkivskaperID', info.creatorId), el('arkivskaperNavn', info.creatorName)]),
        arkivdel,
      ],
      { xmlns: NOARK5_NAMESPACE, 'xmlns:xsi': XSI },
    ),
  );
}

function saksmappe(entries: JournalEntry[], closings: CaseClosings): XmlNode {
  // The case as its latest archived document saw it.
  const latest = (entries[entries.length - 1] as JournalEntry).document.record;
  const theCase = latest.case;
  const closing = closings.get(theCase.id);
  if (!closing) throw new Error(`Case ${theCase.caseNumber} is not closed; only closed cases go into the package`);
  // A folder with a student's document in it is the student's matter, screened with its part; a case's own folder is public.
  const studentRecord = [...entries].reverse().find((entry) => entry.document.record.student)?.document.record;
  const student = studentRecord && studentName(studentRecord);
  const [year, sequence] = caseNumberParts(theCase.caseNumber, theCase.openedAt);
  return el(
    'mappe',
    [
      el('systemID', systemId(`saksmappe:${theCase.id}`)),
      el('mappeID', theCase.caseNumber),
      el('tittel', titled(theCase.title, student)),
      el('offentligTittel', publicTitle(theCase.title, student)),
      el('dokumentmedium', 'Elektronisk arkiv'),
      el('opprettetDato', theCase.openedAt),
      el('opprettetAv', theCase.responsible),
      el('avsluttetDato', closing.closedAt),
      el('avsluttetAv', closing.closedBy),
      ...(student
        ? [
            el('part', [el('partNavn', student), el('partRolle', 'Student')]),
            screening(['Skjerming tittel mappe - unntatt første linje', 'Skjerming navn part i sak']),
          ]
        : []),
      ...entries.map(journalpost),
      el('saksaar', year),
      el('sakssekvensnummer', sequence),
      el('saksdato', theCase.openedAt.slice(0, 10)),
      el('administrativEnhet', theCase.department),
      el('saksansvarlig', theCase.responsible),
      el('saksstatus', CLOSED_STATUS),
    ],
    { 'xsi:type': 'saksmappe' },
  );
}

function journalpost(entry: JournalEntry): XmlNode {
  const { document } = entry;
  const { record } = document;
  const student = studentName(record);
  return el(
    'registrering',
    [
      el('systemID', systemId(`journalpost:${record.documentId}`)),
      el('opprettetDato', document.archivedAt),
      el('opprettetAv', record.createdBy),
      el('arkivertDato', document.archivedAt),
      el('arkivertAv', document.archivedBy),
      ...(student ? [screening(['Skjerming tittel registrering - unntatt første linje', 'Skjerming navn mottaker'])] : []),
      el('dokumentbeskrivelse', [
        el('systemID', systemId(`dokumentbeskrivelse:${record.documentId}`)),
        el('dokumenttype', documentType[record.kind]),
        el('dokumentstatus', 'Dokumentet er ferdigstilt'),
        el('tittel', record.title),
        el('forfatter', record.createdBy),
        el('opprettetDato', document.archivedAt),
        el('opprettetAv', record.createdBy),
        el('dokumentmedium', 'Elektronisk arkiv'),
        el('tilknyttetRegistreringSom', 'Hoveddokument'),
        el('dokumentnummer', 1),
        el('tilknyttetDato', document.archivedAt),
        el('tilknyttetAv', document.archivedBy),
        el('dokumentobjekt', [
          el('systemID', systemId(`dokumentobjekt:${record.documentId}`)),
          el('versjonsnummer', 1),
          el('variantformat', 'Arkivformat'),
          el('format', PDF_A_2B_PUID),
          // Who signed is in the PAdES signatures themselves; the format says only that there are some.
          el('formatDetaljer', record.signedBy.length ? 'PDF/A-2b, signert (PAdES)' : 'PDF/A-2b'),
          el('opprettetDato', document.archivedAt),
          el('opprettetAv', record.createdBy),
          el('referanseDokumentfil', document.filePath),
          el('sjekksum', document.sha256),
          el('sjekksumAlgoritme', 'SHA-256'),
          el('filstoerrelse', document.size),
        ]),
      ]),
      el('tittel', titled(record.title, student)),
      el('offentligTittel', publicTitle(record.title, student)),
      el('forfatter', record.createdBy),
      el('dokumentmedium', 'Elektronisk arkiv'),
      ...record.recipients.map((recipient) =>
        el('korrespondansepart', [
          el('korrespondanseparttype', correspondentType[recipient.role]),
          el('korrespondansepartNavn', recipient.name),
          ...opt('epostadresse', recipient.email),
        ]),
      ),
      el('journalaar', entry.year),
      el('journalsekvensnummer', entry.sequence),
      el('journalpostnummer', entry.numberInCase),
      el('journalposttype', documentFiling(record.kind).noark5Journalposttype),
      el('journalstatus', 'Arkivert'),
      el('journaldato', entry.date),
      el('dokumentetsDato', record.documentDate),
    ],
    { 'xsi:type': 'journalpost' },
  );
}

function screening(metadata: string[]): XmlNode {
  return el('skjerming', [
    el('tilgangsrestriksjon', 'Unntatt offentlighet'),
    el('skjermingshjemmel', SCREENING_BASIS),
    ...metadata.map((value) => el('skjermingMetadata', value)),
  ]);
}
