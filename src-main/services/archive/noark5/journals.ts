import {
  SCREENED,
  SCREENING_BASIS,
  correspondentType,
  publicTitle,
  studentName,
  systemId,
  titled,
  type Noark5Document,
  type Noark5PackageInfo,
} from './arkivstruktur';
import { caseNumberParts, journalEntries, type JournalEntry } from './journal-entries';
import { el, renderXml, type XmlNode } from './xml';

/**
 * The two journal reports of a deposit package (Noark 5 loependeJournal.xsd and
 * offentligJournal.xsd): every journal post in journal order with its folder. A student's document
 * is screened (see arkivstruktur.xml): the running journal carries the full titles and names with
 * the screening, the public journal shows the public titles, the names as screened and the basis
 * for it. A document of the case's own folder names no student and is shown as it is in both.
 */
export const LOEPENDE_JOURNAL_NAMESPACE = 'http://www.arkivverket.no/standarder/noark5/loependeJournal';
export const OFFENTLIG_JOURNAL_NAMESPACE = 'http://www.arkivverket.no/standarder/noark5/offentligJournal';
const RESTRICTION = 'Unntatt offentlighet';

function journalhode(info: Noark5PackageInfo, entries: JournalEntry[]): XmlNode {
  return el('journalhode', [
    el('journalStartDato', entries[0]?.date ?? info.exportedAt.slice(0, 10)),
    el('journalSluttDato', info.exportedAt.slice(0, 10)),
    el('antallJournalposter', entries.length),
    el('arkivskaper', [el('arkivskaperID', info.creatorId), el('arkivskaperNavn', info.creatorName)]),
  ]);
}

const numbers = (entry: JournalEntry) => [
  el('systemID', systemId(`journalpost:${entry.document.record.documentId}`)),
  el('journalaar', entry.year),
  el('journalsekvensnummer', entry.sequence),
  el('journalpostnummer', entry.numberInCase),
];
const caseNumbers = (document: Noark5Document) => {
  const [year, sequence] = caseNumberParts(document.record.case.caseNumber, document.record.case.openedAt);
  return [el('mappeID', document.record.case.caseNumber), el('saksaar', year), el('sakssekvensnummer', sequence)];
};

/** The screening of a student's folder or document; none for the case's own. */
const restriction = (student: string | undefined) => (student ? [el('tilgangsrestriksjon', RESTRICTION), el('skjermingshjemmel', SCREENING_BASIS)] : []);

/** What both journals give of a journal post after its title: public title, dates, unit, officer and screening. */
function publicPart(entry: JournalEntry): XmlNode[] {
  const { record } = entry.document;
  const student = studentName(record);
  return [
    el('offentligTittel', publicTitle(record.title, student)),
    ...(student ? [el('skjermingMetadata', 'Skjerming tittel registrering - unntatt første linje')] : []),
    el('journaldato', entry.date),
    el('dokumentetsDato', record.documentDate),
    el('administrativEnhet', record.case.department),
    el('saksbehandler', record.createdBy),
    ...restriction(student),
  ];
}

export function buildLoependeJournal(info: Noark5PackageInfo, documents: readonly Noark5Document[]): string {
  const entries = journalEntries(documents);
  const registrering = (entry: JournalEntry): XmlNode => {
    const { record } = entry.document;
    const student = studentName(record);
    return el('journalregistrering', [
      el('saksmappe', [
        ...caseNumbers(entry.document),
        el('tittel', titled(record.case.title, student)),
        el('offentligTittel', publicTitle(record.case.title, student)),
        ...(student ? [el('skjermingMetadata', 'Skjerming tittel mappe - unntatt første linje')] : []),
        el('administrativEnhet', record.case.department),
        el('saksansvarlig', record.case.responsible),
      ]),
      el('journalpost', [
        ...numbers(entry),
        el('tittel', titled(record.title, student)),
        ...publicPart(entry),
        ...record.recipients.map((recipient) =>
          el('korrespondansepart', [
            el('korrespondanseparttype', correspondentType[recipient.role]),
            el('korrespondansepartNavn', recipient.name),
            ...(student ? [el('skjermingMetadata', 'Skjerming navn mottaker')] : []),
          ]),
        ),
      ]),
    ]);
  };
  return renderXml(el('loependeJournal', [journalhode(info, entries), ...entries.map(registrering)], { xmlns: LOEPENDE_JOURNAL_NAMESPACE }));
}

export function buildOffentligJournal(info: Noark5PackageInfo, documents: readonly Noark5Document[]): string {
  const entries = journalEntries(documents);
  const registrering = (entry: JournalEntry): XmlNode => {
    const { record } = entry.document;
    const student = studentName(record);
    return el('journalregistrering', [
      el('saksmappe', [
        ...caseNumbers(entry.document),
        el('offentligTittel', publicTitle(record.case.title, student)),
        el('administrativEnhet', record.case.department),
        el('saksansvarlig', record.case.responsible),
        ...restriction(student),
      ]),
      el('journalpost', [
        ...numbers(entry),
        ...publicPart(entry),
        // A student's registration screens the names of its correspondents (Skjerming navn mottaker).
        ...record.recipients.map((recipient) =>
          el('korrespondansepart', [
            el('korrespondanseparttype', correspondentType[recipient.role]),
            el('korrespondansepartNavn', student ? SCREENED : recipient.name),
          ]),
        ),
      ]),
    ]);
  };
  return renderXml(el('offentligJournal', [journalhode(info, entries), ...entries.map(registrering)], { xmlns: OFFENTLIG_JOURNAL_NAMESPACE }));
}
